import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description: 'Deploy the new repository with Argo CD in dev',
    example: yaml.stringify({
      steps: [
        {
          id: 'argocd',
          action: 'golden-path:argocd:application',
          name: 'Create the Argo CD application',
          input: {
            name: 'orders-api',
            owner: 'group:default/checkout',
            environment: 'dev',
            repoUrl:
              'http://localhost:7007/api/git-host/checkout/orders-api.git',
          },
        },
      ],
    }),
  },
];
