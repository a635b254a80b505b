export default async function globalTeardown() {
  await globalThis.__careloomTestDatabase?.stop();
}
