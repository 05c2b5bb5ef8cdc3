export default function Home() {
  return <main><h1>Kindred</h1></main>;
}
