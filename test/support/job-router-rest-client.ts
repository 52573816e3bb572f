/**
 * A Job Router REST client built the way `@azure-rest/communication-job-router` 1.0.0 (the
 * release for api-version 2023-11-01, and what the official JavaScript quickstart imports) builds
 * itself, for tests that run JavaScript written against that package. The package is not on the
 * npm registry these machines reach; the two it is made of are (`@azure-rest/core-client`,
 * `@azure/communication-common`), so the client is assembled from them here rather than
 * imitated with a client written in this repository.
 *
 * What it mirrors, from Azure/azure-sdk-for-js, sdk/communication/communication-job-router-rest/src/:
 * - `azureCommunicationRoutingServiceCustmizedClient.ts` (the package's default export): the
 *   connection string is split by `parseClientArguments` into the endpoint and an
 *   `AzureKeyCredential`, the generated client is built on that endpoint, and
 *   `createCommunicationAuthPolicy(credential)` is added to its pipeline, which signs every
 *   request with HMAC-SHA256 as the service requires.
 * - `azureCommunicationRoutingServiceClient.ts` (generated, 1.0.0): `getClient(endpoint, options)`
 *   with `options.apiVersion` defaulting to 2023-11-01 (core-client's own api-version policy then
 *   adds `api-version` to every request that lacks it), and the package's user-agent prefix.
 *
 * Where it differs:
 * - `allowInsecureConnection` defaults to true: `ccsim serve` speaks plain HTTP, the quickstart
 *   passes no options, and the current core refuses `http://` without it.
 * - The proxy policy is taken out of the pipeline: the client only ever talks to a server on
 *   this machine, and a proxy from HTTP(S)_PROXY would carry its requests elsewhere.
 * - `path` is typed as core-client's `PathUnchecked` (bodies `any`): the package's typed routes
 *   (`clientDefinitions.ts`) are generated code not reproduced here, and the quickstart is
 *   JavaScript, which reads `.body.id` without narrowing the response first.
 * - Only the connection-string form: the package's other overload (endpoint plus a key or token
 *   credential) is not needed here. The package's own logger is not set up either.
 */

import { createCommunicationAuthPolicy, parseClientArguments } from "@azure/communication-common";
import { type ClientOptions, getClient, type PathUnchecked } from "@azure-rest/core-client";

/** The api-version the 1.0.0 package sends, and the one `ccsim serve` answers. */
export const JOB_ROUTER_API_VERSION = "2023-11-01";

/** The user-agent prefix of the generated client (its text, kept as the generator wrote it). */
const USER_AGENT_INFO = "azsdk-js-communication-job-router-rest/1.0.0-beta.1";

/** The name core-rest-pipeline gives its proxy policy (checked below: removing it must work). */
const PROXY_POLICY_NAME = "proxyPolicy";

/** The client: core-client's, with unchecked paths (see the header). */
export type JobRouterRestClient = ReturnType<typeof getClient> & {
  path: PathUnchecked;
};

/**
 * `JobRouterClient(connectionString)`, as the quickstart calls the package's default export.
 * `connectionString` is `endpoint=http://127.0.0.1:PORT/;accesskey=KEY`.
 */
export function JobRouterClient(
  connectionString: string,
  options: ClientOptions = {},
): JobRouterRestClient {
  const { url, credential } = parseClientArguments(connectionString);
  const userAgentPrefix = options.userAgentOptions?.userAgentPrefix
    ? `${options.userAgentOptions.userAgentPrefix} ${USER_AGENT_INFO}`
    : USER_AGENT_INFO;
  const client = getClient(url, {
    ...options,
    apiVersion: options.apiVersion ?? JOB_ROUTER_API_VERSION,
    allowInsecureConnection: options.allowInsecureConnection ?? true,
    userAgentOptions: { userAgentPrefix },
  }) as JobRouterRestClient;
  const removed = client.pipeline.removePolicy({ name: PROXY_POLICY_NAME });
  if (removed.length !== 1) {
    throw new Error(
      `expected one "${PROXY_POLICY_NAME}" in core-rest-pipeline's default pipeline, found ${removed.length}: has the policy been renamed?`,
    );
  }
  client.pipeline.addPolicy(createCommunicationAuthPolicy(credential));
  return client;
}
