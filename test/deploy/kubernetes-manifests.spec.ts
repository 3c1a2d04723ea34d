import { ScaledObject, TriggerAuthentication } from '@kubernetes-models/keda/keda.sh/v1alpha1';
import { Deployment, StatefulSet } from 'kubernetes-models/apps/v1';
import { Job } from 'kubernetes-models/batch/v1';
import { ConfigMap, Namespace, PersistentVolumeClaim, Secret, Service } from 'kubernetes-models/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments, parse } from 'yaml';
import { CacheKeys } from '../../src/cache/cache-keys.js';
import { parseEnv } from '../../src/config/env.schema.js';
import { RECEIPTS_QUEUE } from '../../src/receipts/jobs/receipt-jobs.js';
import { typeCheckManifests } from './type-check-manifests.js';

const DIR = join(import.meta.dirname, '../../deploy/kubernetes');

/** Every kind used here, with its model: JSON-schema validators generated from Kubernetes' OpenAPI. */
const MODELS = {
  'v1/Namespace': { model: Namespace, type: ['kubernetes-models/v1', 'INamespace'] },
  'v1/ConfigMap': { model: ConfigMap, type: ['kubernetes-models/v1', 'IConfigMap'] },
  'v1/Secret': { model: Secret, type: ['kubernetes-models/v1', 'ISecret'] },
  'v1/Service': { model: Service, type: ['kubernetes-models/v1', 'IService'] },
  'v1/PersistentVolumeClaim': {
    model: PersistentVolumeClaim,
    type: ['kubernetes-models/v1', 'IPersistentVolumeClaim'],
  },
  'apps/v1/Deployment': { model: Deployment, type: ['kubernetes-models/apps/v1', 'IDeployment'] },
  'apps/v1/StatefulSet': {
    model: StatefulSet,
    type: ['kubernetes-models/apps/v1', 'IStatefulSet'],
  },
  'batch/v1/Job': { model: Job, type: ['kubernetes-models/batch/v1', 'IJob'] },
  'policy/v1/PodDisruptionBudget': {
    model: PodDisruptionBudget,
    type: ['kubernetes-models/policy/v1', 'IPodDisruptionBudget'],
  },
  'keda.sh/v1alpha1/ScaledObject': {
    model: ScaledObject,
    type: ['@kubernetes-models/keda/keda.sh/v1alpha1', 'IScaledObject'],
  },
  'keda.sh/v1alpha1/TriggerAuthentication': {
    model: TriggerAuthentication,
    type: ['@kubernetes-models/keda/keda.sh/v1alpha1', 'ITriggerAuthentication'],
  },
} as const;

interface Doc {
  file: string;
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  [key: string]: any;
}

function loadManifests(): Doc[] {
  const docs: Doc[] = [];
  for (const file of readdirSync(DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    if (file === 'kustomization.yaml') continue;
    for (const document of parseAllDocuments(readFileSync(join(DIR, file), 'utf8'))) {
      if (document.errors.length) throw new Error(`${file}: ${document.errors[0].message}`);
      docs.push({ ...(document.toJS() as Omit<Doc, 'file'>), file } as Doc);
    }
  }
  return docs;
}

const docs = loadManifests();
const find = (kind: string, name: string): Doc => {
  const doc = docs.find((d) => d.kind === kind && d.metadata.name === name);
  if (!doc) throw new Error(`no ${kind} ${name}`);
  return doc;
};
const configMap = find('ConfigMap', 'receipt-vault').data as Record<string, string>;
const secretTemplate = find('Secret', 'receipt-vault').stringData as Record<string, string>;
const api = find('Deployment', 'receipt-vault-api');
const worker = find('Deployment', 'receipt-vault-worker');
/** The environment the pods get, with the template's placeholder secrets filled in. */
const filledEnv = () =>
  parseEnv({
    ...configMap,
    ...secretTemplate,
    JWT_SECRET: 'x9'.repeat(24),
    METRICS_TOKEN: 'm'.repeat(24),
  });
const containerOf = (d: Doc) => d.spec.template.spec.containers[0];
const matches = (selector: Record<string, string>, labels: Record<string, string>) =>
  Object.entries(selector).every(([k, v]) => labels[k] === v);

describe('deploy/kubernetes', () => {
  it('holds only kinds this test knows, each valid against its Kubernetes JSON schema', () => {
    expect(docs.length).toBeGreaterThan(10);
    for (const doc of docs) {
      const entry = MODELS[`${doc.apiVersion}/${doc.kind}` as keyof typeof MODELS];
      expect(entry, `${doc.file}: ${doc.apiVersion} ${doc.kind}`).toBeDefined();
      const { file: _file, ...manifest } = doc;
      expect(() => new entry.model(manifest as never).validate(), doc.file).not.toThrow();
    }
  });

  it('has no unknown or misspelt fields (strict, by the models’ TypeScript types)', () => {
    // The OpenAPI schemas allow extra properties, so `replicass: 2` would pass them; the
    // compiler's excess-property check on the same models catches it. The misspelt copy of
    // the worker Deployment is the control: it must be the only one with problems.
    const typed = docs.map(({ file, ...manifest }) => {
      const [module, type] =
        MODELS[`${manifest.apiVersion}/${manifest.kind}` as keyof typeof MODELS].type;
      return {
        label: `${file} ${manifest.kind}/${manifest.metadata.name}`,
        module,
        type,
        manifest,
      };
    });
    const { file: _file, ...workerManifest } = worker;
    const control = structuredClone(workerManifest);
    control.spec.replicass = 2;
    typed.push({
      label: 'control',
      module: 'kubernetes-models/apps/v1',
      type: 'IDeployment',
      manifest: control,
    });

    const problems = typeCheckManifests(typed);
    expect(problems.filter((p) => !p.startsWith('control:'))).toEqual([]);
    expect(problems).toEqual([expect.stringMatching(/^control: .*replicass.*does not exist/)]);
  }, 30_000);

  it('lists every manifest in the kustomization, and the Secret as a template to fill', () => {
    const kustomization = parse(readFileSync(join(DIR, 'kustomization.yaml'), 'utf8'));
    const files = new Set(docs.map((d) => d.file));
    for (const resource of kustomization.resources as string[]) {
      const present = resource === 'secret.yaml' ? 'secret.template.yaml' : resource;
      expect(existsSync(join(DIR, present)), resource).toBe(true);
      files.delete(present);
    }
    expect([...files]).toEqual([]);
  });

  it('configures an app that boots: ConfigMap + Secret pass the env schema, except the placeholder secret', () => {
    const env = { ...configMap, ...secretTemplate };
    // The template's placeholders refuse to boot in production, so an unfilled copy cannot run.
    expect(() => parseEnv(env)).toThrow(
      /JWT_SECRET[\s\S]*METRICS_TOKEN|METRICS_TOKEN[\s\S]*JWT_SECRET/,
    );
    const parsed = filledEnv();
    expect(parsed.NODE_ENV).toBe('production');
    expect(parsed.METRICS_PORT).toBeGreaterThan(0);
  });

  it('gives pods time to finish: grace period above preStop + SHUTDOWN_GRACE_MS', () => {
    const graceMs = Number(configMap.SHUTDOWN_GRACE_MS);
    for (const deployment of [api, worker]) {
      const preStopMs = (containerOf(deployment).lifecycle?.preStop?.sleep?.seconds ?? 0) * 1000;
      expect(deployment.spec.template.spec.terminationGracePeriodSeconds * 1000).toBeGreaterThan(
        preStopMs + graceMs,
      );
    }
  });

  it('probes the routes that exist, on ports that exist, with timeouts above the checks’', () => {
    const apiContainer = containerOf(api);
    expect(apiContainer.startupProbe.httpGet.path).toBe('/health/live');
    expect(apiContainer.livenessProbe.httpGet.path).toBe('/health/live');
    expect(apiContainer.readinessProbe.httpGet.path).toBe('/health/ready');
    const checkTimeoutMs = filledEnv().HEALTH_CHECK_TIMEOUT_MS;
    expect(apiContainer.readinessProbe.timeoutSeconds * 1000).toBeGreaterThan(checkTimeoutMs);
    const workerContainer = containerOf(worker);
    expect(workerContainer.livenessProbe.httpGet).toEqual({ path: '/live', port: 'metrics' });
    expect(workerContainer.ports).toEqual([
      { name: 'metrics', containerPort: Number(configMap.METRICS_PORT) },
    ]);
    expect(workerContainer.command).toEqual([
      'node',
      '--max-semi-space-size=1',
      'dist/src/worker.js',
    ]);
  });

  it('runs every container non-root, read-only, without privileges, with requests and limits', () => {
    for (const doc of docs.filter((d) => d.spec?.template?.spec)) {
      const pod = doc.spec.template.spec;
      expect(pod.securityContext.runAsNonRoot, doc.file).toBe(true);
      for (const container of pod.containers) {
        expect(container.securityContext, `${doc.file} ${container.name}`).toMatchObject({
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ['ALL'] },
        });
        expect(container.resources.requests.cpu, container.name).toBeDefined();
        expect(container.resources.requests.memory, container.name).toBeDefined();
        expect(container.resources.limits.memory, container.name).toBeDefined();
      }
    }
  });

  it('wires selectors: Services, PDBs and the autoscaler reach the pods they mean', () => {
    const apiLabels = api.spec.template.metadata.labels;
    const workerLabels = worker.spec.template.metadata.labels;
    for (const deployment of [api, worker]) {
      expect(
        matches(deployment.spec.selector.matchLabels, deployment.spec.template.metadata.labels),
      ).toBe(true);
    }
    const service = find('Service', 'receipt-vault-api');
    expect(matches(service.spec.selector, apiLabels)).toBe(true);
    expect(containerOf(api).ports.map((p: { name: string }) => p.name)).toContain(
      service.spec.ports[0].targetPort,
    );
    expect(
      matches(
        find('PodDisruptionBudget', 'receipt-vault-api').spec.selector.matchLabels,
        apiLabels,
      ),
    ).toBe(true);
    expect(
      matches(
        find('PodDisruptionBudget', 'receipt-vault-worker').spec.selector.matchLabels,
        workerLabels,
      ),
    ).toBe(true);
    expect(
      matches(
        find('PodDisruptionBudget', 'receipt-vault-api').spec.selector.matchLabels,
        workerLabels,
      ),
    ).toBe(false);
  });

  it('scales workers on the length of the Bull list that holds waiting receipt jobs', () => {
    const scaled = find('ScaledObject', 'receipt-vault-worker');
    expect(scaled.spec.scaleTargetRef.name).toBe(worker.metadata.name);
    expect(scaled.spec.minReplicaCount).toBeGreaterThanOrEqual(1);
    const trigger = scaled.spec.triggers[0];
    expect(trigger.type).toBe('redis');
    const prefix = filledEnv().REDIS_KEY_PREFIX;
    expect(trigger.metadata.listName).toBe(
      `${new CacheKeys(prefix).bullPrefix()}:${RECEIPTS_QUEUE}:wait`,
    );
    expect(find('TriggerAuthentication', trigger.authenticationRef.name)).toBeDefined();
  });

  it('runs Redis with noeviction, and migrations as a Job with the image’s migration command', () => {
    const args: string[] = containerOf(find('StatefulSet', 'redis')).args;
    expect(args[args.indexOf('--maxmemory-policy') + 1]).toBe('noeviction');
    const job = find('Job', 'receipt-vault-migrate');
    expect(containerOf(job).command).toEqual(['node', 'dist/src/database/migration-cli.js', 'run']);
    expect(job.spec.template.spec.restartPolicy).toBe('Never');
  });
});
