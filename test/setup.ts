// Tests never read the developer's own boto or AWS set-up.
process.env.BOTO_CONFIG = '/nonexistent/botoscale-test/boto.cfg';
for (const key of Object.keys(process.env)) {
  if (key.startsWith('AWS_')) delete process.env[key];
}
process.env.AWS_CONFIG_FILE = '/nonexistent/botoscale-test/config';
process.env.AWS_SHARED_CREDENTIALS_FILE = '/nonexistent/botoscale-test/credentials';
process.env.AWS_EC2_METADATA_DISABLED = 'true';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
