#!/usr/bin/env node
// `npm start`: the whole federation on one machine (scripts/federation/main.ts). swc compiles the
// TypeScript on the fly, as in the tests; the apps themselves run from their build in dist/.
'use strict';
const { join } = require('node:path');

// The tsconfig's path aliases (@libs/...) hold wherever the launcher is started from.
process.env.SWC_NODE_PROJECT ??= join(__dirname, '..', 'tsconfig.json');
require('@swc-node/register');
require('./federation/main.ts');
