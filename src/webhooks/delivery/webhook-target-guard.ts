import { isIP } from 'node:net';
import { AppError, ErrorCode } from '../../common/errors/index.js';
import { AddressPolicy } from './address-policy.js';
import type { HostResolver, ResolvedAddress } from './host-resolver.js';

export const MAX_WEBHOOK_URL_LENGTH = 2048;

export interface TargetGuardOptions {
  allowPrivateHosts: readonly string[];
  requireHttps: boolean;
}

function invalid(message: string): AppError {
  return new AppError(ErrorCode.WEBHOOK_URL_INVALID, message, { permanent: true });
}

function refused(message: string): AppError {
  return new AppError(ErrorCode.WEBHOOK_URL_REFUSED, message, { permanent: true });
}

/**
 * The SSRF guard. A URL is checked when a webhook is registered (syntax, then every address
 * its host resolves to) and again at every delivery, where the connection is made to the
 * address that was just checked (`lookup` below), so a DNS answer that changes between the
 * check and the connect (rebinding) cannot reach an inside address. Redirects are never
 * followed, so they cannot lead inside either.
 */
export class WebhookTargetGuard {
  private readonly policy: AddressPolicy;

  constructor(
    private readonly resolver: HostResolver,
    private readonly options: TargetGuardOptions,
  ) {
    this.policy = new AddressPolicy(options.allowPrivateHosts);
  }

  /** @throws WEBHOOK_URL_INVALID when the URL is not one a webhook may have. */
  parse(raw: string): URL {
    if (raw.length > MAX_WEBHOOK_URL_LENGTH) {
      throw invalid(`The URL is longer than ${MAX_WEBHOOK_URL_LENGTH} characters`);
    }
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw invalid('The URL is not a valid absolute URL');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw invalid('The URL must be http or https');
    }
    if (url.username || url.password) {
      throw invalid('The URL must not contain credentials; use the signing secret instead');
    }
    if (!url.hostname) throw invalid('The URL has no host');
    if (
      this.options.requireHttps &&
      url.protocol !== 'https:' &&
      !this.policy.allowsHost(url.hostname)
    ) {
      throw invalid('The URL must be https');
    }
    return url;
  }

  /** @throws WEBHOOK_URL_REFUSED when any address of the host is not allowed. */
  async assertAllowed(url: URL): Promise<void> {
    await this.resolveAllowed(hostOf(url));
  }

  /** Checks a URL whose host is an IP literal (Node connects to those without `lookup`). */
  async assertAllowedLiteral(url: URL): Promise<void> {
    if (isIP(hostOf(url))) await this.resolveAllowed(hostOf(url));
  }

  /**
   * A `lookup` for http.request: resolves, refuses when any address is not allowed, and
   * hands back only checked addresses, so the socket connects to what was checked.
   */
  readonly lookup = (
    hostname: string,
    options: { all?: boolean },
    callback: (error: Error | null, address: string | ResolvedAddress[], family?: number) => void,
  ): void => {
    this.resolveAllowed(hostname).then(
      (addresses) => {
        if (options.all) callback(null, addresses);
        else callback(null, addresses[0].address, addresses[0].family);
      },
      (error: Error) => callback(error, ''),
    );
  };

  private async resolveAllowed(hostname: string): Promise<ResolvedAddress[]> {
    let addresses: ResolvedAddress[];
    if (isIP(hostname)) {
      addresses = [{ address: hostname, family: isIP(hostname) }];
    } else {
      try {
        addresses = await this.resolver.resolve(hostname);
      } catch {
        throw refused(`The host ${hostname} could not be resolved`);
      }
    }
    if (!addresses.length) throw refused(`The host ${hostname} has no address`);
    const blocked = addresses.find(({ address }) => !this.policy.allowsAddress(address, hostname));
    if (blocked) {
      throw refused(
        `The host ${hostname} is a private, loopback, link-local or reserved address (${blocked.address}); ` +
          'an operator can allow it with WEBHOOK_ALLOW_PRIVATE_HOSTS',
      );
    }
    return addresses;
  }
}

/** The URL's host without IPv6 brackets. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '');
}
