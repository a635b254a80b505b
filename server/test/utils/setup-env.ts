// Integration tests build the app in-process; these are the settings it reads.
process.env.CARELOOM_ADMIN_PASSWORD = 'admin-test-pass';
process.env.CARELOOM_DEMO_PASSWORD = 'demo-test-pass';
process.env.LOG_LEVEL = 'error';
