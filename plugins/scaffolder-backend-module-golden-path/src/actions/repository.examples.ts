import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      "Create the service's repository and push the rendered skeleton",
    example: yaml.stringify({
      steps: [
        {
          id: 'publish',
          action: 'golden-path:repository:publish',
          name: 'Create the repository',
          input: {
            name: 'orders-api',
            owner: 'group:default/checkout',
            description: 'Takes orders and tracks them until delivery.',
          },
        },
      ],
    }),
  },
];
