// The URL shapes of the git host, for the plugins that link to it or read from it.

export function repositoryUrls(baseUrl: string, owner: string, name: string) {
  const repo = `${baseUrl}/${owner}/${name}`;
  return {
    cloneUrl: `${repo}.git`,
    rawUrl: (ref: string, path: string) => `${repo}/raw/${ref}/${path}`,
    blobUrl: (ref: string, path: string) => `${repo}/blob/${ref}/${path}`,
    treeUrl: (ref: string, subpath = '') =>
      `${repo}/tree/${ref}${subpath ? `/${subpath}` : ''}`,
  };
}
