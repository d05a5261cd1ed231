// The example organisation (catalog/org/*.yaml) as the policy's tests see it: the real files,
// so the table of decisions is the one the demo shows.
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

const ORG_DIR = path.resolve(__dirname, '../../../../catalog/org');

export function exampleOrganisation(): Entity[] {
  return fs
    .readdirSync(ORG_DIR)
    .filter(file => file.endsWith('.yaml'))
    .flatMap(file =>
      parseAllDocuments(fs.readFileSync(path.join(ORG_DIR, file), 'utf8')),
    )
    .map(doc => doc.toJS() as Entity)
    .filter(entity => entity?.kind);
}

/** The ownership refs a catalog sign-in gives a user: themselves and their groups. */
export function ownershipOf(entities: Entity[], userRef: string): string[] {
  const user = entities.find(e => stringifyEntityRef(e) === userRef);
  if (!user) throw new Error(`${userRef} is not in the example organisation`);
  const memberOf = ((user.spec?.memberOf ?? []) as string[]).map(group =>
    stringifyEntityRef({ kind: 'group', namespace: 'default', name: group }),
  );
  return [userRef, ...memberOf];
}

/** A userInfo service that answers as the catalog sign-in would for the example users. */
export function exampleUserInfo(entities: Entity[]) {
  return mockServices.userInfo.mock({
    getUserInfo: async credentials => {
      const userEntityRef = (credentials.principal as { userEntityRef: string })
        .userEntityRef;
      return {
        userEntityRef,
        ownershipEntityRefs: ownershipOf(entities, userEntityRef),
      };
    },
  });
}

export const userCredentials = (name: string) =>
  mockCredentials.user(`user:default/${name}`);
