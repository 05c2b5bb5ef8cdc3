import Link from 'next/link';
import type { FolderSummary } from '@/lib/queries/albums';

interface Node {
  name: string;
  path: string;
  photoCount: number;
  children: Node[];
}

function commonParent(paths: string[]): string {
  const split = paths.map((p) => p.split('/'));
  const first = split[0] ?? [];
  let n = 0;
  while (n < first.length - 1 && split.every((parts) => parts[n] === first[n])) n++;
  return first.slice(0, n).join('/');
}

/**
 * Turns flat folder paths (those directly holding photos) into a tree below their common parent,
 * adding the folders in between; a folder's count includes everything under it.
 */
function buildTree(folders: FolderSummary[]): Node[] {
  const clean = folders.map((f) => ({ path: f.path.replace(/\/+$/, ''), photoCount: f.photoCount }));
  const base = commonParent(clean.map((f) => f.path));
  const roots: Node[] = [];
  const byPath = new Map<string, Node>();
  const nodeFor = (path: string): Node => {
    const existing = byPath.get(path);
    if (existing) return existing;
    const node: Node = { name: path.slice(path.lastIndexOf('/') + 1), path, photoCount: 0, children: [] };
    byPath.set(path, node);
    const parent = path.slice(0, path.lastIndexOf('/'));
    (parent.length > base.length ? nodeFor(parent).children : roots).push(node);
    return node;
  };
  for (const folder of [...clean].sort((a, b) => a.path.localeCompare(b.path))) {
    for (let path = folder.path; path.length > base.length; path = path.slice(0, path.lastIndexOf('/'))) {
      nodeFor(path).photoCount += folder.photoCount;
    }
  }
  return roots;
}

function Branch({ nodes }: { nodes: Node[] }) {
  return (
    <ul className="folder-tree">
      {nodes.map((node) => (
        <li key={node.path}>
          <Link href={`/folders?path=${encodeURIComponent(node.path)}`} title={node.path}>
            📁 {node.name}
          </Link>{' '}
          <span className="muted">{node.photoCount}</span>
          {node.children.length > 0 && <Branch nodes={node.children} />}
        </li>
      ))}
    </ul>
  );
}

/** The folders that hold photos, nested as on disk. */
export function FolderTree({ folders }: { folders: FolderSummary[] }) {
  if (folders.length === 0) return <p className="muted">No folders yet.</p>;
  return <Branch nodes={buildTree(folders)} />;
}
