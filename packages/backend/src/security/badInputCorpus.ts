// The bad-input corpus: one row per request the suite sends, each naming the field whose
// refusal it expects. Rows are built from families of hostile values crossed with the fields of
// every Paved route and both templates; the table is data, the test is one `it.each`.
export type BadInput = {
  /** shown in the test name */
  label: string;
  method: 'GET' | 'POST';
  /** path under /api, with the query string */
  path: string;
  body?: unknown;
  /** the field the refusal must name */
  field: string;
  /** who sends it: a person of PEOPLE, or 'service' (for routes only services may call) */
  as: 'checkoutDeveloper' | 'platformEngineer' | 'service';
  /** a template run: refused by the scaffolder (4xx) or by the golden path before any side effect */
  template?: boolean;
};

export const OUTPUT_PROBE = '/tmp/paved-security-probe.tar';

const traversal = [
  '..',
  '../../etc/passwd',
  '%2e%2e',
  '/etc/passwd',
  '..%2f..%2fetc',
];
const optionLike = [
  `--output=${OUTPUT_PROBE}`,
  '-n',
  '--upload-pack=touch /tmp/x',
];
const prototypeKeys = ['__proto__', 'constructor', 'prototype'];
const lookAlikes = ['chеckout', 'ｃｈｅｃｋｏｕｔ', 'check\u200bout'];
const yamlSignificant = [
  'yes',
  'null',
  'a: b',
  '#',
  '{{ x }}',
  '*anchor',
  '- item',
];
const badNumbers = ['NaN', '-1', '1e308', '12abc', '', 'Infinity', '0x10'];
const badDays = [
  '2026-02-30',
  '99999-01-01',
  '2026-13-01',
  'yesterday',
  '2026-1-1',
];
const badIntervals = [
  'R1/P800000D/2026-11-01',
  'R2/P30D/2026-02-30',
  'R-1/P30D/2026-11-01',
  'P30D',
  'R2/P30D/99999-01-01',
  'R99999999/P1D/2026-11-01',
];
const oversize = 'x'.repeat(5000);

const names = [
  ...traversal,
  ...optionLike,
  ...prototypeKeys,
  ...lookAlikes,
  ...yamlSignificant,
  oversize,
];

const q = encodeURIComponent;
const rows: BadInput[] = [];
const add = (row: BadInput) => rows.push(row);

// A valid repository name part is no bad input (`constructor` and `yes` are names like others).
const validNamePart = (v: string) => /^[a-z0-9][a-z0-9._-]{0,99}$/.test(v);

// --- git-host ---
for (const value of names.filter(v => !validNamePart(v))) {
  add({
    label: `git-host create owner=${value.slice(0, 30)}`,
    method: 'POST',
    path: '/git-host/repositories',
    body: { owner: value, name: 'probe-api' },
    field: 'owner',
    as: 'service',
  });
}
for (const value of [
  ...traversal,
  ...optionLike,
  ...prototypeKeys,
  ...lookAlikes.slice(0, 1),
  'a: b',
  '*anchor',
].filter(v => !validNamePart(v))) {
  add({
    label: `git-host create name=${value.slice(0, 30)}`,
    method: 'POST',
    path: '/git-host/repositories',
    body: { owner: 'checkout', name: value },
    field: 'name',
    as: 'service',
  });
}
add({
  label: 'git-host create oversize body',
  method: 'POST',
  path: '/git-host/repositories',
  body: {
    owner: 'checkout',
    name: 'probe-api',
    description: oversize.repeat(10),
  },
  // the body parser refuses it before any field is read, saying so
  field: 'too large',
  as: 'service',
});
for (const value of [
  ...optionLike,
  '..',
  'main..HEAD',
  '%2e%2e',
  '@{-1}',
  'main:README.md',
]) {
  add({
    label: `git-host tree ref=${value}`,
    method: 'GET',
    path: `/git-host/repositories/checkout/route-probe/tree?ref=${q(value)}`,
    field: 'ref',
    as: 'checkoutDeveloper',
  });
  add({
    label: `git-host commits to=${value}`,
    method: 'GET',
    path: `/git-host/repositories/checkout/route-probe/commits?to=${q(value)}`,
    field: 'to',
    as: 'checkoutDeveloper',
  });
}
for (const value of [
  `main/--output=${OUTPUT_PROBE}`,
  `--output=${OUTPUT_PROBE}/x`,
  // encoded: fetch would resolve a literal .. before sending
  'main/..%2f..%2f..%2fetc%2fpasswd',
  'main/%252e%252e/etc/passwd',
  'main//etc/passwd',
  '-n/README.md',
]) {
  add({
    label: `git-host raw ${value}`,
    method: 'GET',
    path: `/git-host/checkout/route-probe/raw/${value}`,
    // a refusal names the path (or says there is no such file)
    field: 'route-probe',
    as: 'checkoutDeveloper',
  });
}

// --- adoption-metrics ---
for (const value of badNumbers)
  add({
    label: `adoption summary days=${value}`,
    method: 'GET',
    path: `/adoption-metrics/summary?days=${q(value)}`,
    field: 'days',
    as: 'checkoutDeveloper',
  });
for (const value of badDays) {
  add({
    label: `adoption summary from=${value}`,
    method: 'GET',
    path: `/adoption-metrics/summary?from=${q(value)}&to=2026-11-30`,
    field: 'from',
    as: 'checkoutDeveloper',
  });
  add({
    label: `adoption usage to=${value}`,
    method: 'GET',
    path: `/adoption-metrics/usage?from=2026-11-01&to=${q(value)}`,
    field: 'to',
    as: 'checkoutDeveloper',
  });
}
add({
  label: 'adoption summary from after to',
  method: 'GET',
  path: '/adoption-metrics/summary?from=2026-11-30&to=2026-11-01',
  field: 'from',
  as: 'checkoutDeveloper',
});
add({
  label: 'adoption summary a 1000-year range',
  method: 'GET',
  path: '/adoption-metrics/summary?from=1026-11-01&to=2026-11-30',
  field: 'from',
  as: 'checkoutDeveloper',
});
for (const value of ['Mars/Olympus', '../../etc/localtime', '__proto__'])
  add({
    label: `adoption summary timeZone=${value}`,
    method: 'GET',
    path: `/adoption-metrics/summary?timeZone=${q(value)}`,
    field: 'timeZone',
    as: 'checkoutDeveloper',
  });
for (const value of ['2026-Q5', '2026-q1', '99999-Q1', 'Q1'])
  add({
    label: `adoption survey results quarter=${value}`,
    method: 'GET',
    path: `/adoption-metrics/survey/results?quarter=${q(value)}`,
    field: 'quarter',
    as: 'checkoutDeveloper',
  });
for (const value of [
  ...prototypeKeys,
  ...lookAlikes.map(l => `group:default/${l}`),
  'group:default/../platform',
  'a: b',
])
  add({
    label: `adoption summary owner=${value}`,
    method: 'GET',
    path: `/adoption-metrics/summary?owner=${q(value)}`,
    field: 'owner',
    as: 'checkoutDeveloper',
  });
for (const value of [
  'component:default/../x',
  '__proto__',
  'component:default/chеckout-api',
  '--output=/tmp/x',
])
  add({
    label: `adoption component entityRef=${value}`,
    method: 'GET',
    path: `/adoption-metrics/component?entityRef=${q(value)}`,
    field: 'entityRef',
    as: 'checkoutDeveloper',
  });
for (const value of [-1, 11, 1e308, 5.5, 'NaN', '12abc', null])
  add({
    label: `adoption survey score=${value}`,
    method: 'POST',
    path: '/adoption-metrics/survey',
    body: { score: value },
    field: 'score',
    as: 'checkoutDeveloper',
  });
add({
  label: 'adoption survey __proto__ key',
  method: 'POST',
  path: '/adoption-metrics/survey',
  body: JSON.parse('{"score":5,"__proto__":{"admin":true}}'),
  field: '__proto__',
  as: 'checkoutDeveloper',
});
add({
  label: 'adoption events oversize body',
  method: 'POST',
  path: '/adoption-metrics/events',
  body: {
    events: Array.from({ length: 60 }, () => ({
      action: 'navigate',
      subject: oversize,
      context: { pluginId: 'app' },
    })),
  },
  field: 'events',
  as: 'checkoutDeveloper',
});
add({
  label: 'adoption events 101 events',
  method: 'POST',
  path: '/adoption-metrics/events',
  body: {
    events: Array.from({ length: 101 }, () => ({
      action: 'navigate',
      subject: '/',
      context: { pluginId: 'app' },
    })),
  },
  field: 'events',
  as: 'checkoutDeveloper',
});
add({
  label: 'adoption events says who it is',
  method: 'POST',
  path: '/adoption-metrics/events',
  body: {
    events: [
      { action: 'navigate', subject: '/', context: { pluginId: 'app' } },
    ],
    userEntityRef: 'user:default/priya.raman',
  },
  field: 'userEntityRef',
  as: 'checkoutDeveloper',
});
add({
  label: 'adoption events constructor key',
  method: 'POST',
  path: '/adoption-metrics/events',
  body: {
    events: [
      {
        action: 'navigate',
        subject: '/',
        context: { pluginId: 'app', constructor: 'x' },
      },
    ],
  },
  field: 'constructor',
  as: 'checkoutDeveloper',
});

// --- workload-cost ---
for (const value of badNumbers)
  add({
    label: `cost price storageGB=${value}`,
    method: 'GET',
    path: `/workload-cost/price?offering=postgresql&tier=standard&storageGB=${q(
      value,
    )}`,
    field: 'storageGB',
    as: 'checkoutDeveloper',
  });
for (const value of [...prototypeKeys, 'a: b', 'ѕtandard'])
  add({
    label: `cost price tier=${value}`,
    method: 'GET',
    path: `/workload-cost/price?offering=postgresql&tier=${q(
      value,
    )}&storageGB=20`,
    field: 'tier',
    as: 'checkoutDeveloper',
  });
for (const value of [...prototypeKeys, '../postgresql'])
  add({
    label: `cost price offering=${value}`,
    method: 'GET',
    path: `/workload-cost/price?offering=${q(
      value,
    )}&tier=standard&storageGB=20`,
    field: 'offering',
    as: 'checkoutDeveloper',
  });
for (const value of badIntervals) {
  add({
    label: `cost group daily intervals=${value}`,
    method: 'GET',
    path: `/workload-cost/cost-insights/groups/checkout/daily-cost?intervals=${q(
      value,
    )}`,
    field: 'intervals',
    as: 'checkoutDeveloper',
  });
  add({
    label: `cost entity daily intervals=${value}`,
    method: 'GET',
    path: `/workload-cost/cost-insights/entities/component/default/checkout-api/daily-cost?intervals=${q(
      value,
    )}`,
    field: 'intervals',
    as: 'checkoutDeveloper',
  });
}
for (const value of ['2026-13', '99999-01', '2026-00', '2026-1', 'NaN'])
  add({
    label: `cost teams month=${value}`,
    method: 'GET',
    path: `/workload-cost/teams?month=${q(value)}`,
    field: 'month',
    as: 'checkoutDeveloper',
  });
for (const value of [
  'component:default/../x',
  '__proto__',
  '--output=/tmp/x',
  'component:default/a: b',
])
  add({
    label: `cost entity entityRef=${value}`,
    method: 'GET',
    path: `/workload-cost/entity?entityRef=${q(value)}`,
    field: 'entityRef',
    as: 'checkoutDeveloper',
  });
for (const value of ['yes', '1', 'null'])
  add({
    label: `cost group includeSubTeams=${value}`,
    method: 'GET',
    path: `/workload-cost/group?entityRef=group:default/checkout&includeSubTeams=${q(
      value,
    )}`,
    field: 'includeSubTeams',
    as: 'checkoutDeveloper',
  });

// --- templates (POST /api/scaffolder/v2/tasks) ---
const service = {
  name: 'probe-service',
  owner: 'group:default/checkout',
  description: 'A service the security suite never expects to exist.',
  language: 'go',
  environment: 'dev',
};
const database = {
  enabled: true,
  offering: 'postgresql',
  tier: 'standard',
  storageGB: 20,
  region: 'eu-west-1',
};
const newService = (values: Record<string, unknown>) => ({
  templateRef: 'template:default/new-microservice',
  values: { ...service, ...values },
});
const addDatabase = (values: Record<string, unknown>) => ({
  templateRef: 'template:default/add-database',
  values: {
    component: 'component:default/checkout-api',
    environment: 'dev',
    database,
    ...values,
  },
});
for (const value of [
  ...traversal.slice(0, 3),
  ...optionLike.slice(0, 2),
  '__proto__', // constructor is a valid service name
  ...lookAlikes.slice(0, 2),
  'yes',
  'null',
  'a: b',
  '{{ x }}',
]) {
  add({
    label: `new-microservice name=${value}`,
    method: 'POST',
    path: '/scaffolder/v2/tasks',
    body: newService({ name: value }),
    field: 'name',
    as: 'checkoutDeveloper',
    template: true,
  });
}
for (const value of [
  'group:default/../platform',
  '--output=/tmp/x',
  '__proto__',
  'group:default/chеckout',
  'a: b',
  '*anchor',
  '{{ x }}',
  'user:default/guest',
]) {
  add({
    label: `new-microservice owner=${value}`,
    method: 'POST',
    path: '/scaffolder/v2/tasks',
    body: newService({ owner: value }),
    field: 'owner',
    as: 'checkoutDeveloper',
    template: true,
  });
}
add({
  label: 'new-microservice description oversize',
  method: 'POST',
  path: '/scaffolder/v2/tasks',
  body: newService({ description: oversize }),
  field: 'description',
  as: 'checkoutDeveloper',
  template: true,
});
for (const value of ['rust', '__proto__', '../go'])
  add({
    label: `new-microservice language=${value}`,
    method: 'POST',
    path: '/scaffolder/v2/tasks',
    body: newService({ language: value }),
    field: 'language',
    as: 'checkoutDeveloper',
    template: true,
  });
for (const value of ['constructor', '../production', 'prod'])
  add({
    label: `new-microservice environment=${value}`,
    method: 'POST',
    path: '/scaffolder/v2/tasks',
    body: newService({ environment: value }),
    field: 'environment',
    as: 'checkoutDeveloper',
    template: true,
  });
for (const value of ['constructor', '__proto__', 'huge'])
  add({
    label: `new-microservice database.tier=${value}`,
    method: 'POST',
    path: '/scaffolder/v2/tasks',
    body: newService({ database: { ...database, tier: value } }),
    field: 'tier',
    as: 'checkoutDeveloper',
    template: true,
  });
for (const value of [-1, 1e308, 5, 501, '12abc', 20.5])
  add({
    label: `new-microservice database.storageGB=${value}`,
    method: 'POST',
    path: '/scaffolder/v2/tasks',
    body: newService({ database: { ...database, storageGB: value } }),
    field: 'storageGB',
    as: 'checkoutDeveloper',
    template: true,
  });
for (const value of ['mars-1', '__proto__'])
  add({
    label: `new-microservice database.region=${value}`,
    method: 'POST',
    path: '/scaffolder/v2/tasks',
    body: newService({ database: { ...database, region: value } }),
    field: 'region',
    as: 'checkoutDeveloper',
    template: true,
  });
for (const value of [
  'component:default/../x',
  '__proto__',
  'component:default/chеckout-api',
  '--output=/tmp/x',
  'a: b',
])
  add({
    label: `add-database component=${value}`,
    method: 'POST',
    path: '/scaffolder/v2/tasks',
    body: addDatabase({ component: value }),
    field: 'component',
    as: 'checkoutDeveloper',
    template: true,
  });
for (const value of [-1, 1e308, '12abc'])
  add({
    label: `add-database database.storageGB=${value}`,
    method: 'POST',
    path: '/scaffolder/v2/tasks',
    body: addDatabase({ database: { ...database, storageGB: value } }),
    field: 'storageGB',
    as: 'checkoutDeveloper',
    template: true,
  });
for (const value of ['constructor', '__proto__'])
  add({
    label: `add-database database.tier=${value}`,
    method: 'POST',
    path: '/scaffolder/v2/tasks',
    body: addDatabase({ database: { ...database, tier: value } }),
    field: 'tier',
    as: 'checkoutDeveloper',
    template: true,
  });

export const BAD_INPUTS: BadInput[] = rows;
