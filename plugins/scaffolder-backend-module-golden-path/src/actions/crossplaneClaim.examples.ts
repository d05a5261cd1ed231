import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description: 'A standard PostgreSQL database of 20 GB for a service in dev',
    example: yaml.stringify({
      steps: [
        {
          id: 'claim',
          action: 'golden-path:crossplane:claim',
          name: 'Request the database',
          input: {
            name: 'orders-api',
            owner: 'group:default/checkout',
            environment: 'dev',
            database: {
              offering: 'postgresql',
              tier: 'standard',
              storageGB: 20,
              region: 'eu-west-1',
            },
          },
        },
      ],
    }),
  },
];
