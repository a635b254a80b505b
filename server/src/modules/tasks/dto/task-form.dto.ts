import { ApiProperty } from '@nestjs/swagger';
import { LocalizedTextDto } from '../../forms/dto/form.dto.js';
import type { TaskFormView } from '../field-rights.service.js';

export const FIELD_RIGHT_VALUES = ['hidden', 'readonly', 'editable', 'required'] as const;

/** A task's form as its step shows it: what to render and what to start from. */
export class TaskFormDto {
  @ApiProperty() formId: string;
  @ApiProperty() key: string;
  @ApiProperty({ description: 'The latest published version (the one completing the task validates with)' })
  version: number;
  @ApiProperty({ type: LocalizedTextDto }) name: LocalizedTextDto;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'The form schema with the step rights applied: hidden fields removed, required-at-this-step added',
  })
  schema: object;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: "The form's UI schema: hidden fields removed, read-only ones 'ui:readonly'",
  })
  uiSchema: object;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      "Starting data: the task's draft, else the form's fields from its input; hidden fields left out",
  })
  data: Record<string, unknown>;
  @ApiProperty({
    nullable: true,
    type: 'object',
    additionalProperties: { type: 'string', enum: [...FIELD_RIGHT_VALUES] },
    description: 'JSON pointer → right at this step (careloom:fieldRights); hidden fields are not listed',
  })
  fieldRights: Record<string, (typeof FIELD_RIGHT_VALUES)[number]> | null;

  static from(view: TaskFormView): TaskFormDto {
    return {
      formId: view.form.version.formId,
      key: view.form.form.key,
      version: view.form.version.version,
      name: view.form.version.name,
      schema: view.schema,
      uiSchema: view.uiSchema,
      data: view.data,
      fieldRights: view.fieldRights,
    };
  }
}
