// class-transformer keeps its decorators' metadata in this singleton but types it only under types/:
// the validation pipe reads it to tell free-form JSON properties (no @Type, @Transform …) apart.
declare module 'class-transformer/cjs/storage.js' {
  export { defaultMetadataStorage } from 'class-transformer/types/storage.js';
}
