import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { Type as ClassType } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { InvalidInput } from '@libs/http';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;
/** Room for the longest sort key a list has (a date and a stream id) and its signature. */
export const MAX_CURSOR_LENGTH = 400;

/** `?limit=&cursor=` on every list. The cursor is opaque to clients. */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({
    description: 'nextCursor of the previous page, as the app issued it',
    maxLength: MAX_CURSOR_LENGTH,
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_CURSOR_LENGTH)
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const pageClasses = new Map<ClassType<unknown>, ClassType<Page<unknown>>>();

/**
 * `Page<T>` as OpenAPI says it, one schema per item class (`MemberViewPage`): what a route that
 * answers a page declares, `@ApiOkResponse({ type: PageOf(MemberView) })`.
 */
export function PageOf<T>(item: ClassType<T>): ClassType<Page<T>> {
  let page = pageClasses.get(item);
  if (!page) {
    class ItemPage implements Page<unknown> {
      @ApiProperty({ type: item, isArray: true, maxItems: MAX_PAGE_SIZE })
      items!: unknown[];

      @ApiProperty({
        type: String,
        nullable: true,
        maxLength: MAX_CURSOR_LENGTH,
        description: 'the cursor of the next page; null on the last one',
      })
      nextCursor!: string | null;
    }
    Object.defineProperty(ItemPage, 'name', { value: `${item.name}Page` });
    page = ItemPage;
    pageClasses.set(item, page);
  }
  return page as ClassType<Page<T>>;
}

/**
 * The cursors of one list: the last item's sort key, base64url-encoded, and signed (HMAC-SHA256
 * over the list's name and the key), so that a cursor the app did not issue for this list (forged,
 * tampered, another list's, another app's) is a 400 naming `cursor`, never a sort key that reaches
 * a query. The signing key comes from `AUTH_SECRET` and the deployment (`COOP_ID`), so replicas of
 * one app behind a proxy accept each other's cursors and a restart keeps them; without a secret
 * (tests of a module alone) the process draws one and its cursors end with it.
 */
export class PageCursor<Key> {
  constructor(private readonly list: string) {}

  issue(key: Key): string {
    const payload = Buffer.from(JSON.stringify(key)).toString('base64url');
    return `${payload}.${this.signature(payload).toString('base64url')}`;
  }

  /** The sort key to start after, or undefined for the first page; a 400 if not issued here. */
  read(cursor: string | undefined): Key | undefined {
    if (cursor === undefined || cursor === '') return undefined;
    const [payload, signature, ...rest] = cursor.split('.');
    const expected = this.signature(payload);
    const given = Buffer.from(signature ?? '', 'base64url');
    if (rest.length > 0 || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new InvalidInput([
        {
          field: 'cursor',
          message: 'is not a cursor this list issued: start again without one',
        },
      ]);
    }
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Key;
  }

  private signature(payload: string): Buffer {
    return createHmac('sha256', CURSOR_KEY)
      .update(`${this.list}\n${payload}`)
      .digest()
      .subarray(0, 16);
  }
}

const CURSOR_KEY = process.env.AUTH_SECRET
  ? Buffer.from(
      hkdfSync(
        'sha256',
        process.env.AUTH_SECRET,
        'list cursors',
        `deployment ${process.env.COOP_ID ?? 'consortium'}`,
        32,
      ),
    )
  : randomBytes(32);

/**
 * Pages a list fetched with one row more than asked: that extra row only says there is a next page.
 */
export function pageOf<Row, Item, Key>(
  rows: Row[],
  limit: number,
  toItem: (row: Row) => Item,
  keyOf: (row: Row) => Key,
  cursor: PageCursor<Key>,
): Page<Item> {
  const items = rows.slice(0, limit);
  const more = rows.length > limit;
  return {
    items: items.map(toItem),
    nextCursor: more && items.length > 0 ? cursor.issue(keyOf(items[items.length - 1])) : null,
  };
}

/**
 * The bound an answer's unpaged list is documented with (a coop's indicators, a project's support,
 * a quarter's months…): each holds tens of items at most; this is far above, a limit clients may
 * rely on.
 */
export const MAX_LISTED = 10_000;

/** A count or a version as answers document it: a non-negative 32-bit integer. */
export const COUNT = {
  type: 'integer',
  format: 'int32',
  minimum: 0,
  maximum: 2_147_483_647,
} as const;
