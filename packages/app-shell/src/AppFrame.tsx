import { useState, type ReactNode } from 'react';
import { Button, ConfigProvider, Drawer, Dropdown, Grid, Layout, Menu, Result, Spin, Typography } from 'antd';
import { FontSizeOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { useLocation, useNavigate } from 'react-router-dom';
import { useI18n } from './i18n.js';
import { LocaleSwitch } from './LocaleSwitch.js';
import { LoginPage } from './LoginPage.js';
import { useSession } from './session.js';
import { LARGE_TEXT_THEME, useTextSize } from './textSize.js';

export interface NavItem {
  /** Route path inside the app, e.g. '/residents'. */
  path: string;
  label: string;
  icon?: ReactNode;
}

interface AppFrameProps {
  title: string;
  nav: NavItem[];
  /** Roles that may use this app at all; empty means every signed-in user. */
  roles?: string[];
  /** Extra header buttons (e.g. a notifications bell), shown before the language switch when signed in. */
  actions?: ReactNode;
  children: ReactNode;
}

/** Login gate + header + navigation (side menu on a desk, drawer on a phone), in the user's text size. */
export function AppFrame(props: AppFrameProps) {
  const [textSize, setTextSize] = useTextSize();
  const frame = (
    <Frame
      {...props}
      largeText={textSize === 'large'}
      onLargeText={(on) => setTextSize(on ? 'large' : 'normal')}
    />
  );
  return textSize === 'large' ? <ConfigProvider theme={LARGE_TEXT_THEME}>{frame}</ConfigProvider> : frame;
}

function Frame({
  title,
  nav,
  roles = [],
  actions,
  children,
  largeText,
  onLargeText,
}: AppFrameProps & { largeText: boolean; onLargeText: (on: boolean) => void }) {
  const { t } = useI18n();
  const { user, logout, hasRole } = useSession();
  const screens = Grid.useBreakpoint();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const location = useLocation();
  const navigate = useNavigate();

  if (user === undefined) {
    return (
      <div className="cl-center">
        <Spin description={t('shell.loading')} />
      </div>
    );
  }
  if (user === null) {
    return <LoginPage title={title} />;
  }

  const selected = nav
    .filter((item) => location.pathname === item.path || location.pathname.startsWith(`${item.path}/`))
    .map((item) => item.path);
  const menu = (
    <Menu
      mode="inline"
      selectedKeys={selected}
      items={nav.map((item) => ({ key: item.path, label: item.label, icon: item.icon }))}
      onClick={({ key }) => {
        setDrawerOpen(false);
        void navigate(key);
      }}
    />
  );
  const wide = screens.md ?? false;
  const allowed = roles.length === 0 || hasRole(...roles);

  return (
    <Layout className="cl-frame">
      <Layout.Header className="cl-header">
        {!wide && (
          <Button
            type="text"
            aria-label={t('shell.menu')}
            icon={<MenuOutlined />}
            onClick={() => setDrawerOpen(true)}
          />
        )}
        <Typography.Text strong className="cl-title">
          {title}
        </Typography.Text>
        {allowed && actions}
        <LocaleSwitch />
        <Dropdown
          menu={{
            items: [
              {
                key: 'text-size',
                icon: <FontSizeOutlined />,
                label: largeText ? t('shell.textSize.normal') : t('shell.textSize.large'),
              },
              { key: 'logout', icon: <LogoutOutlined />, label: t('shell.logout') },
            ],
            onClick: ({ key }) => (key === 'logout' ? void logout() : onLargeText(!largeText)),
          }}
        >
          <Button
            type="text"
            icon={<UserOutlined />}
            data-testid="user-menu"
            aria-label={t('shell.userMenu', { name: user.displayName })}
          >
            {wide ? user.displayName : null}
          </Button>
        </Dropdown>
      </Layout.Header>
      <Layout>
        {wide ? (
          <Layout.Sider width={200} theme="light" className="cl-sider">
            {menu}
          </Layout.Sider>
        ) : (
          <Drawer
            placement="left"
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            title={title}
            size={260}
          >
            {menu}
          </Drawer>
        )}
        <Layout.Content className="cl-content">
          {allowed ? children : <Result status="403" title={t('shell.forbidden')} />}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
