import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Check a new service with a database before anything is created',
    example: yaml.stringify({
      steps: [
        {
          id: 'preflight',
          action: 'golden-path:preflight',
          name: 'Check the request',
          input: {
            name: 'orders-api',
            owner: 'group:default/checkout',
            environment: 'dev',
            database: {
              offering: 'postgresql',
              tier: 'standard',
              storageGB: 20,
            },
          },
        },
      ],
    }),
  },
];
