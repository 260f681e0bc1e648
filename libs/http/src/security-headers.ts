import helmet from '@fastify/helmet';
import { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * Helmet's security headers on every answer (CSP, HSTS, nosniff, frame and referrer policies…),
 * with its default Content-Security-Policy, which the `/docs` page (Swagger UI: its own scripts,
 * inline styles) lives with, less `upgrade-insecure-requests`: the apps speak plain HTTP on
 * 127.0.0.1 or behind a TLS proxy, and that directive would send the page's browser to an https
 * that is not there. A route that sets its own policy keeps it (the board's page sets a stricter
 * one: Fastify's own headers are written over Helmet's).
 */
export async function addSecurityHeaders(app: NestFastifyApplication): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: { upgradeInsecureRequests: null, frameAncestors: ["'none'"] },
    },
    frameguard: { action: 'deny' },
  });
}
