import { createRouteRef } from '@backstage/frontend-plugin-api';

/** The Adoption page; its route ref also puts it in the sidebar. */
export const rootRouteRef = createRouteRef();
