import { useCallback } from 'react';
import { unwrap, type ApiClient, type Schemas } from '@careloom/api-client';
import { useApi, useLoader, type Loaded } from '@careloom/app-shell';

export type InstalledBundle = Schemas['BundleDto'];
export type ShippedBundle = Schemas['ShippedBundleDto'];
export type BundleCheck = Schemas['BundleCheckDto'];
export type ImportReport = Schemas['ImportReportDto'];
export type ContentKind = 'forms' | 'processes' | 'rules' | 'reports' | 'dashboards';
export const CONTENT_KINDS: readonly ContentKind[] = ['forms', 'processes', 'rules', 'reports', 'dashboards'];

export interface TemplatesData {
  installed: InstalledBundle[];
  shipped: ShippedBundle[];
  /** User id → display name, for "installed by". */
  userNames: Map<string, string>;
  /** Form key → id: the form designer opens forms by id. */
  formIds: Map<string, string>;
}

/** Installed and shipped bundles, with what their rows link to; `reload` after every import. */
export function useTemplates(): Loaded<TemplatesData> {
  const api = useApi();
  const load = useCallback(async (): Promise<TemplatesData> => {
    const [installed, shipped, users, forms] = await Promise.all([
      api.GET('/api/bundles'),
      api.GET('/api/bundles/shipped'),
      api.GET('/api/users'),
      api.GET('/api/forms'),
    ]);
    return {
      installed: unwrap(installed),
      shipped: unwrap(shipped),
      userNames: new Map(unwrap(users).items.map((u) => [u.id, u.displayName])),
      formIds: new Map(unwrap(forms).map((f) => [f.key, f.id])),
    };
  }, [api]);
  return useLoader(load);
}

/** A .zip bundle sent as the request body (the server reads and checks it; JSON would need text files). */
function zipBody(archive: ArrayBuffer) {
  return {
    body: archive as unknown as Schemas['BundleUploadDto'],
    bodySerializer: (body: unknown) => body as BodyInit,
    headers: { 'Content-Type': 'application/zip' },
  };
}

export async function validateZip(api: ApiClient, archive: ArrayBuffer): Promise<BundleCheck> {
  return unwrap(await api.POST('/api/bundles/validate', zipBody(archive)));
}

export async function importZip(api: ApiClient, archive: ArrayBuffer): Promise<ImportReport> {
  return unwrap(await api.POST('/api/bundles/import', zipBody(archive)));
}

export async function importShipped(api: ApiClient, key: string): Promise<ImportReport> {
  return unwrap(await api.POST('/api/bundles/shipped/{key}/import', { params: { path: { key } } }));
}
