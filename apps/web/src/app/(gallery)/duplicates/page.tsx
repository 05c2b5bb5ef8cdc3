import type { Metadata } from 'next';
import Link from 'next/link';
import { photoUrl } from '@/lib/image-sizes';
import { loadDuplicates } from '@/lib/queries/library';

export const metadata: Metadata = { title: 'Duplicates' };

/** The same photo saved at several paths: shown once, with every place it lives. */
export default async function DuplicatesPage() {
  const groups = await loadDuplicates();
  return (
    <>
      <h1>Duplicates</h1>
      <p className="lede">
        {groups.length === 0
          ? 'No photo is stored twice.'
          : `${groups.length} ${groups.length === 1 ? 'photo is' : 'photos are'} stored at more than one place. Kindred shows each once; the copies use disk space.`}
      </p>
      <ul className="dup-list">
        {groups.map((group) => (
          <li key={group.photo.hash} className="card dup">
            <Link href={`/photos/${group.photo.hash}`}>
              {/* biome-ignore lint/performance/noImgElement: our own immutable thumbnail route */}
              <img
                src={photoUrl(group.photo.hash, 160)}
                alt={`Stored ${group.paths.length} times`}
                loading="lazy"
                width={120}
              />
            </Link>
            <ul className="plain">
              {group.paths.map((path) => (
                <li key={path}>
                  <code>{path}</code>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </>
  );
}
