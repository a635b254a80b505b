import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { ApiProblemError } from '@careloom/api-client';
import { useI18n } from './i18n.js';
import { LocaleSwitch } from './LocaleSwitch.js';
import { describeError } from './problem.util.js';
import { useSession } from './session.js';

interface Credentials {
  username: string;
  password: string;
}

export function LoginPage({ title }: { title: string }) {
  const { t } = useI18n();
  const { login } = useSession();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async ({ username, password }: Credentials) => {
    setBusy(true);
    setError(null);
    try {
      await login(username.trim(), password);
    } catch (e) {
      setError(
        e instanceof ApiProblemError && e.status === 401 ? t('shell.login.failed') : describeError(e, t),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="cl-login">
      <Card className="cl-login-card">
        <div className="cl-login-head">
          <Typography.Title level={3}>{title}</Typography.Title>
          <LocaleSwitch />
        </div>
        <Typography.Paragraph type="secondary">{t('shell.login.title')}</Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
        <Form<Credentials> layout="vertical" onFinish={(values) => void submit(values)} requiredMark={false}>
          <Form.Item
            name="username"
            label={t('shell.login.username')}
            rules={[{ required: true, whitespace: true, message: t('shell.login.required') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoCapitalize="none" size="large" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('shell.login.password')}
            rules={[{ required: true, message: t('shell.login.required') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={busy}>
            {t('shell.login.submit')}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
