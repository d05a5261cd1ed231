// Writes a seed plan to the cluster with server-side apply (field manager "paved-seed"), then each
// status through the status subresource, then deletes the Pods and ReplicaSets that an older seed
// wrote itself (the cluster's controllers make them now; theirs are not ours and stay). Applying the
// same plan again changes nothing: the API server skips writes that would not change an object.
export const FIELD_MANAGER = 'paved-seed';
const PRUNED_KINDS = [
  { apiVersion: 'v1', kind: 'Pod' },
  { apiVersion: 'apps/v1', kind: 'ReplicaSet' },
];

const keyOf = ({ kind, namespace, name }) =>
  `${kind}/${namespace ?? ''}/${name}`;

/** A Pod's spec is immutable: when the plan changed it, replace the Pod, as its ReplicaSet would. */
async function applyReplacingPod(client, object, before) {
  try {
    return await client.apply(object, { fieldManager: FIELD_MANAGER });
  } catch (e) {
    if (!(object.kind === 'Pod' && before && e.status === 422)) throw e;
    await client.request(
      'DELETE',
      `${await client.pathOf(object)}?gracePeriodSeconds=0`,
    );
    return client.apply(object, { fieldManager: FIELD_MANAGER });
  }
}

async function applyItem(client, item, uids, stats) {
  const object = structuredClone(item.object);
  const { apiVersion, kind, metadata } = object;
  if (item.owner) {
    const uid = uids.get(keyOf(item.owner));
    if (!uid)
      throw new Error(
        `${kind} ${metadata.name}: its owner ${keyOf(
          item.owner,
        )} was not applied first`,
      );
    metadata.ownerReferences = [
      {
        apiVersion: item.owner.apiVersion,
        kind: item.owner.kind,
        name: item.owner.name,
        uid,
        controller: true,
        blockOwnerDeletion: true,
      },
    ];
  }
  const before = await client.get(object);
  let applied = await applyReplacingPod(client, object, before);
  if (item.status) {
    const statusPatch = {
      apiVersion,
      kind,
      metadata: { name: metadata.name, namespace: metadata.namespace },
      status: item.status(applied),
    };
    applied = await client.apply(statusPatch, {
      fieldManager: FIELD_MANAGER,
      subresource: 'status',
    });
  }
  uids.set(keyOf({ kind, ...metadata }), applied.metadata.uid);
  if (!before) stats.created++;
  else if (before.metadata.resourceVersion !== applied.metadata.resourceVersion)
    stats.changed.push(keyOf({ kind, ...metadata }));
  else stats.unchanged++;
}

/** Deletes Pods and ReplicaSets in a seeded namespace that this seed wrote before but the plan lacks. */
async function pruneUnit(client, unit, stats) {
  const wanted = new Set(
    unit.items.map(i => keyOf({ kind: i.object.kind, ...i.object.metadata })),
  );
  for (const { apiVersion, kind } of PRUNED_KINDS) {
    const probe = {
      apiVersion,
      kind,
      metadata: { namespace: unit.namespace, name: '' },
    };
    const listPath = (await client.pathOf(probe)).replace(/\/$/, '');
    const list = await client.request('GET', listPath);
    for (const found of list?.items ?? []) {
      const ours = found.metadata.managedFields?.some(
        f => f.manager === FIELD_MANAGER,
      );
      if (!ours || wanted.has(keyOf({ kind, ...found.metadata }))) continue;
      // Without a kubelet to confirm it, a graceful delete of a scheduled Pod would never finish.
      await client.request(
        'DELETE',
        `${listPath}/${found.metadata.name}?gracePeriodSeconds=0`,
      );
      stats.pruned++;
    }
  }
}

export async function applyPlan(client, plan, { concurrency = 6 } = {}) {
  const stats = { created: 0, changed: [], unchanged: 0, pruned: 0 };
  const uids = new Map();
  const queue = [...plan.units];
  const worker = async () => {
    for (let unit = queue.shift(); unit; unit = queue.shift()) {
      for (const item of unit.items) await applyItem(client, item, uids, stats);
      if (unit.items.some(i => i.object.kind === 'Deployment'))
        await pruneUnit(client, unit, stats);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return stats;
}
