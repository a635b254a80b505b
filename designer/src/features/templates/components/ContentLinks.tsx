import { Flex, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '@careloom/app-shell';
import { CONTENT_KINDS, type ContentKind } from '../hooks/useTemplates.js';

export interface ContentLinksProps {
  contents: Record<ContentKind, string[]>;
  /** Form key → id (the form designer's route takes the id); a form not in the map is shown without a link. */
  formIds: ReadonlyMap<string, string>;
  /** Link only what is installed (a shipped bundle that is not installed lists plain keys). */
  linked: boolean;
}

/** Where each kind of content opens in its designer. */
function routeOf(kind: ContentKind, key: string, formIds: ReadonlyMap<string, string>): string | null {
  switch (kind) {
    case 'forms': {
      const id = formIds.get(key);
      return id === undefined ? null : `/forms/${id}`;
    }
    case 'processes':
      return `/processes/${encodeURIComponent(key)}`;
    case 'rules':
      return `/rules/${encodeURIComponent(key)}`;
    case 'reports':
      return `/reports/${encodeURIComponent(key)}`;
    case 'dashboards':
      return `/reports/dashboards/${encodeURIComponent(key)}`;
  }
}

/** One line per kind of content ("表单：a、b"), each item a link into its designer. */
export function ContentLinks({ contents, formIds, linked }: ContentLinksProps) {
  const { t } = useI18n();
  const kinds = CONTENT_KINDS.filter((kind) => contents[kind].length > 0);
  return (
    <dl className="tpl-contents">
      {kinds.map((kind) => (
        <Flex key={kind} gap={6} wrap align="baseline">
          <dt>
            <Typography.Text type="secondary">
              {t(`tpl.kind.${kind}`)} {contents[kind].length}
            </Typography.Text>
          </dt>
          {contents[kind].map((key) => {
            const route = linked ? routeOf(kind, key, formIds) : null;
            return (
              <dd key={key} style={{ margin: 0 }}>
                {route === null ? (
                  <Typography.Text code>{key}</Typography.Text>
                ) : (
                  <Link to={route} data-testid={`open-${kind}-${key}`}>
                    <Typography.Text code>{key}</Typography.Text>
                  </Link>
                )}
              </dd>
            );
          })}
        </Flex>
      ))}
    </dl>
  );
}
