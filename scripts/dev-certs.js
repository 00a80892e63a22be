// HTTPS key and certificate for `npm run dev-server` (https://localhost:3000): Office only loads add-ins
// over HTTPS. office-addin-dev-certs generates a development CA and a localhost certificate in
// ~/.office-addin-dev-certs and installs the CA in the system's trust store. Where it cannot install the CA
// (no sudo, no trust store: containers, CI) it still generates the files and then throws; the server can
// serve HTTPS with them anyway (the browser or Office just has to be told to trust the CA).
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { getHttpsServerOptions } from 'office-addin-dev-certs';

/** Where office-addin-dev-certs keeps its files (its `defaults.certificateDirectory`). */
export const CERT_DIR = path.join(homedir(), '.office-addin-dev-certs');

const HOW_TO_INSTALL = `
无法获得 HTTPS 证书。请先运行下面的命令生成并安装开发用证书（Windows / macOS 会请求管理员确认），然后重新运行 npm run dev-server：
Could not get an HTTPS certificate. Generate and install the development certificates, then run npm run dev-server again:

    npx office-addin-dev-certs install
`;

/**
 * Read the certificate files already generated in `dir` (localhost.crt, localhost.key and, if present,
 * ca.crt); null when the key or the certificate is missing.
 */
export function readGeneratedCerts(dir = CERT_DIR) {
  const cert = path.join(dir, 'localhost.crt');
  const key = path.join(dir, 'localhost.key');
  const ca = path.join(dir, 'ca.crt');
  if (!existsSync(cert) || !existsSync(key)) return null;
  return {
    cert: readFileSync(cert),
    key: readFileSync(key),
    ...(existsSync(ca) ? { ca: readFileSync(ca) } : {}),
  };
}

/**
 * The dev server's HTTPS options: office-addin-dev-certs' own (trusted CA installed), else the files it
 * generated (CA not trusted: tell the user), else an error that says how to create them.
 */
export async function httpsOptions() {
  try {
    return await getHttpsServerOptions();
  } catch (err) {
    const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
    const generated = readGeneratedCerts();
    if (generated === null) {
      throw new Error(`${HOW_TO_INSTALL}\n(office-addin-dev-certs: ${reason})`);
    }
    console.warn(
      `开发证书的 CA 未被信任，仍使用 ${CERT_DIR} 中已生成的证书提供 HTTPS；Office 加载前请运行 npx office-addin-dev-certs install。\n` +
        `The development CA is not trusted; serving HTTPS with the certificates already in ${CERT_DIR}. ` +
        `Before sideloading in Office, run npx office-addin-dev-certs install.\n(${reason})`,
    );
    return generated;
  }
}
