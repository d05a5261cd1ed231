import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Register the new service and wait until its catalog page exists',
    example: yaml.stringify({
      steps: [
        {
          id: 'register',
          action: 'golden-path:catalog:register',
          name: 'Register in the catalog',
          input: {
            catalogInfoUrl:
              'http://localhost:7007/api/git-host/checkout/orders-api/blob/main/catalog-info.yaml',
          },
        },
      ],
    }),
  },
];
