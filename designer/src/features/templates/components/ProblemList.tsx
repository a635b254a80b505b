import { Typography } from 'antd';
import type { FieldProblem } from '@careloom/api-client';
import { useI18n } from '@careloom/app-shell';
import { problemsByFile } from '../utils/bundle-upload.util.js';

/** Every problem the server found, grouped by file, each with its location (JSON pointer or BPMN element id). */
export function ProblemList({ errors }: { errors: readonly FieldProblem[] }) {
  const { t } = useI18n();
  return (
    <div data-testid="bundle-problems" className="tpl-problems">
      {problemsByFile(errors).map((group) => (
        <section key={group.file} data-testid={`problems-${group.file || 'archive'}`}>
          <Typography.Title level={5} style={{ margin: '8px 0 4px', wordBreak: 'break-all' }}>
            {group.file === '' ? (
              t('tpl.check.archive')
            ) : (
              <Typography.Text code>{group.file}</Typography.Text>
            )}
          </Typography.Title>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {group.problems.map((problem, index) => (
              <li key={index} style={{ wordBreak: 'break-word' }}>
                <Typography.Text type="secondary">
                  {t('tpl.check.location')}{' '}
                  <Typography.Text code data-testid="problem-location">
                    {problem.location || t('tpl.check.whole')}
                  </Typography.Text>
                  {'：'}
                </Typography.Text>
                <span data-testid="problem-message">{problem.message}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
