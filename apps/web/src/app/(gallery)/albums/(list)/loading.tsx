import { LoadingGrid } from '@/app/_components/loading-grid';

export default function Loading() {
  return <LoadingGrid label="albums" />;
}
