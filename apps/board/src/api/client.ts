/** An RFC 9457 problem document, as every error of the API is answered. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  rule?: string;
  errors?: { field: string; message: string }[];
}

/** A refusal from the API, carrying its problem document for the page to explain. */
export class ApiProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail || problem.title);
  }

  get status(): number {
    return this.problem.status;
  }
}

/**
 * The page's one way to the data: the consortium API of the origin it was served from, with the
 * signed-in member's token. Recording POSTs carry an Idempotency-Key, so that a retried click
 * records once.
 */
export class ApiClient {
  constructor(
    private readonly token: string,
    private readonly onUnauthorized: () => void,
  ) {}

  get<T>(path: string, query: Record<string, string | undefined> = {}): Promise<T> {
    const params = new URLSearchParams(
      Object.entries(query).filter((entry): entry is [string, string] => !!entry[1]),
    );
    const search = params.size > 0 ? `?${params}` : '';
    return this.send<T>('GET', `${path}${search}`);
  }

  /** `idempotencyKey`: one per intended action (a form submission), reused if it is retried. */
  post<T>(path: string, body: unknown, idempotencyKey: string = crypto.randomUUID()): Promise<T> {
    return this.send<T>('POST', path, body, idempotencyKey);
  }

  /** Replaces what the path names (an editorial): the same body again changes nothing. */
  put<T>(path: string, body: unknown): Promise<T> {
    return this.send<T>('PUT', path, body);
  }

  private async send<T>(
    method: string,
    path: string,
    body?: unknown,
    idempotencyKey?: string,
  ): Promise<T> {
    const headers: Record<string, string> = {
      Authorization: `Bearer ${this.token}`,
      Accept: 'application/json',
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
    const response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    if (response.ok) return parsed as T;
    if (response.status === 401) this.onUnauthorized();
    throw new ApiProblem(
      isProblem(parsed)
        ? parsed
        : { type: 'about:blank', title: response.statusText, status: response.status, detail: '' },
    );
  }
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && 'status' in value && 'title' in value;
}
