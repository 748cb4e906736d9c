/**
 * Tests that need Debian's boto or botocore say what to install when those are missing,
 * instead of failing with an ENOENT.
 */
import { requireDebianFiles } from './helpers/python';

test('a missing boto or botocore path names the package to install', () => {
  expect(() => requireDebianFiles('/nonexistent/boto/ec2/autoscale/__init__.py', 'boto')).toThrow(
    "boto 2.49's sources (Debian python3-boto) are needed by this test and /nonexistent/boto/ec2/autoscale/__init__.py is missing: apt-get install python3-boto",
  );
  expect(() => requireDebianFiles('/nonexistent/botocore/data', 'botocore')).toThrow(
    "botocore's service models (Debian python3-botocore) are needed by this test and /nonexistent/botocore/data is missing: apt-get install python3-botocore",
  );
  expect(() => requireDebianFiles(__filename, 'boto')).not.toThrow();
});
