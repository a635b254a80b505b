import { useState } from 'react';
import { Flex, InputNumber, Select, Typography } from 'antd';
import { useI18n } from '@careloom/app-shell';
import {
  pickerUnits,
  readPickedCycle,
  readPickedDuration,
  writePickedCycle,
  writePickedDuration,
  type PickerUnit,
} from '../utils/duration-picker.util.js';

interface PickerProps {
  /** The ISO text in the model (the advanced input shows and edits the same text). */
  value: string;
  onChange: (text: string) => void;
}

function UnitSelect({
  label,
  value,
  businessTime,
  onChange,
}: {
  label: string;
  value: PickerUnit;
  businessTime: boolean;
  onChange: (unit: PickerUnit) => void;
}) {
  const { t } = useI18n();
  return (
    <Select<PickerUnit>
      aria-label={label}
      value={value}
      style={{ width: 96 }}
      options={pickerUnits(businessTime).map((unit) => ({ value: unit, label: t(`pe.pick.unit.${unit}`) }))}
      onChange={onChange}
    />
  );
}

/** Says the model holds a value only the advanced input can edit (several parts, a date, an expression). */
function NotPicked({ value, picked }: { value: string; picked: boolean }) {
  const { t } = useI18n();
  return value.trim() !== '' && !picked ? (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {t('pe.pick.notPicked')}
    </Typography.Text>
  ) : null;
}

/** "30 [分钟] 后": a whole number and a unit, written as `PT30M`; `工作日` (`P3WD`) where business time is allowed. */
export function DurationPicker({
  value,
  onChange,
  businessTime,
  amountLabel,
  unitLabel,
  defaultUnit = 'days',
}: PickerProps & {
  businessTime: boolean;
  amountLabel: string;
  unitLabel: string;
  defaultUnit?: PickerUnit;
}) {
  const { t } = useI18n();
  const picked = readPickedDuration(value);
  const [unitDraft, setUnitDraft] = useState<PickerUnit>(picked?.unit ?? defaultUnit);
  const unit = picked?.unit ?? unitDraft;
  return (
    <Flex vertical gap={2}>
      <Flex gap={6} align="center" wrap>
        <InputNumber<number>
          aria-label={amountLabel}
          min={1}
          precision={0}
          style={{ width: 88 }}
          value={picked?.amount ?? null}
          onChange={(amount) => onChange(amount === null ? '' : writePickedDuration({ amount, unit }))}
        />
        <UnitSelect
          label={unitLabel}
          value={unit}
          businessTime={businessTime}
          onChange={(next) => {
            setUnitDraft(next);
            if (picked) {
              onChange(writePickedDuration({ amount: picked.amount, unit: next }));
            }
          }}
        />
        <Typography.Text type="secondary">{t('pe.pick.after')}</Typography.Text>
      </Flex>
      <NotPicked value={value} picked={picked !== null} />
    </Flex>
  );
}

/** "每 7 [天]，共 4 次" (no count: without end), written as `R4/P7D`; cycles are calendar time only. */
export function CyclePicker({ value, onChange }: PickerProps) {
  const { t } = useI18n();
  const picked = readPickedCycle(value);
  const [unitDraft, setUnitDraft] = useState<PickerUnit>(picked?.every.unit ?? 'days');
  const [timesDraft, setTimesDraft] = useState<number | null>(picked?.times ?? null);
  const unit = picked?.every.unit ?? unitDraft;
  const times = picked ? picked.times : timesDraft;
  return (
    <Flex vertical gap={2}>
      <Flex gap={6} align="center" wrap>
        <Typography.Text>{t('pe.pick.every')}</Typography.Text>
        <InputNumber<number>
          aria-label={t('pe.pick.everyAmount')}
          min={1}
          precision={0}
          style={{ width: 72 }}
          value={picked?.every.amount ?? null}
          onChange={(amount) =>
            onChange(amount === null ? '' : writePickedCycle({ every: { amount, unit }, times }))
          }
        />
        <UnitSelect
          label={t('pe.pick.everyUnit')}
          value={unit}
          businessTime={false}
          onChange={(next) => {
            setUnitDraft(next);
            if (picked) {
              onChange(writePickedCycle({ every: { ...picked.every, unit: next }, times }));
            }
          }}
        />
        {t('pe.pick.timesPrefix') !== '' && <Typography.Text>{t('pe.pick.timesPrefix')}</Typography.Text>}
        <InputNumber<number>
          aria-label={t('pe.pick.times')}
          min={1}
          precision={0}
          style={{ width: 72 }}
          placeholder={t('pe.pick.timesUnbounded')}
          value={times}
          onChange={(next) => {
            setTimesDraft(next);
            if (picked) {
              onChange(writePickedCycle({ every: picked.every, times: next }));
            }
          }}
        />
        <Typography.Text type="secondary">{t('pe.pick.timesSuffix')}</Typography.Text>
      </Flex>
      <NotPicked value={value} picked={picked !== null} />
    </Flex>
  );
}
