import { podRequestPhases, PodSpec } from './podSpec';
import { BUILT_IN_HOURLY_PRICES } from './priceSheet';
import { pricePod, priceVolume, priceWorkload } from './workloadPricing';

const prices = BUILT_IN_HOURLY_PRICES;
const GiB = 1073741824;

const apiPod: PodSpec = {
  containers: [
    {
      name: 'api',
      resources: { requests: { cpu: '500m', memory: '1Gi' } },
    },
  ],
};

describe('pricing a pod', () => {
  it('charges a 500m / 1 GiB pod its requests for a 730-hour month', () => {
    const pod = pricePod({ name: 'api-1', spec: apiPod }, prices, {
      hours: 730,
    });
    expect(pod.method).toBe('requests');
    // 0.5 × 0.031611 × 730 and 1 × 0.004237 × 730
    expect(pod.cost.cpu).toBeCloseTo(11.538015, 9);
    expect(pod.cost.memory).toBeCloseTo(3.09301, 9);
    expect(pod.cost.storage).toBe(0);
    expect(pod.cost.gpu).toBe(0);
    expect(pod.cost.total).toBeCloseTo(14.631025, 9);
    expect(pod.quantities).toEqual({
      coreHours: 365,
      memoryGiBHours: 730,
      storageGiBHours: 0,
      gpuHours: 0,
    });
    expect(pod.efficiency).toBeUndefined();
    expect(pod.notCounted).toEqual([]);
  });

  it('charges usage where it is above the request, and reports efficiency', () => {
    const pod = pricePod(
      {
        name: 'api-1',
        spec: apiPod,
        usage: { api: { cpuCores: 0.8, memoryBytes: 0.5 * GiB } },
      },
      prices,
      { hours: 730 },
    );
    expect(pod.method).toBe('max(request, usage)');
    // CPU: usage 0.8 > request 0.5 → 0.8 × 0.031611 × 730
    expect(pod.cost.cpu).toBeCloseTo(18.460824, 9);
    // memory: request 1 GiB > usage 0.5 GiB → the request
    expect(pod.cost.memory).toBeCloseTo(3.09301, 9);
    expect(pod.cost.total).toBeCloseTo(21.553834, 9);
    expect(pod.efficiency?.cpu).toBeCloseTo(1.6, 12);
    expect(pod.efficiency?.memory).toBeCloseTo(0.5, 12);
    // (0.8 × 0.031611 + 0.5 × 0.004237) / (0.5 × 0.031611 + 1 × 0.004237)
    expect(pod.efficiency?.total).toBeCloseTo(1.3674591493077211, 12);
  });

  it('flags a container without a CPU request and counts it as 0', () => {
    const pod = pricePod(
      {
        name: 'api-1',
        spec: {
          containers: [
            ...apiPod.containers,
            { name: 'worker', resources: { requests: { memory: '1Gi' } } },
          ],
        },
      },
      prices,
      { hours: 730 },
    );
    expect(pod.cost.cpu).toBeCloseTo(11.538015, 9);
    // two GiB: 2 × 0.004237 × 730
    expect(pod.cost.memory).toBeCloseTo(6.18602, 9);
    expect(pod.notCounted).toEqual([
      {
        pod: 'api-1',
        container: 'worker',
        resource: 'cpu',
        counted: 'nothing',
        message: 'not counted: container worker has no CPU request (pod api-1)',
      },
    ]);
  });

  it('counts a container without a request by its usage when usage is known', () => {
    const pod = pricePod(
      {
        name: 'api-1',
        spec: { containers: [{ name: 'worker' }] },
        usage: { worker: { cpuCores: 0.25 } },
      },
      prices,
      { hours: 100 },
    );
    // 0.25 × 0.031611 × 100
    expect(pod.cost.cpu).toBeCloseTo(0.790275, 12);
    expect(pod.cost.memory).toBe(0);
    expect(pod.notCounted.map(flag => [flag.resource, flag.counted])).toEqual([
      ['cpu', 'usage only'],
      ['memory', 'nothing'],
    ]);
  });

  it('reads a limit without a request as the request, as the API server defaults it', () => {
    const pod = pricePod(
      {
        name: 'api-1',
        spec: {
          containers: [
            { name: 'api', resources: { limits: { cpu: '1', memory: '2Gi' } } },
          ],
        },
      },
      prices,
      { hours: 10 },
    );
    expect(pod.allocation).toEqual({
      cpuCores: 1,
      memoryBytes: 2 * GiB,
      gpus: 0,
    });
    expect(pod.notCounted).toEqual([]);
  });

  it("charges the init containers' peak when it is above the containers' sum", () => {
    const spec: PodSpec = {
      initContainers: [
        {
          name: 'migrate',
          resources: { requests: { cpu: '1', memory: '128Mi' } },
        },
      ],
      containers: [
        {
          name: 'a',
          resources: { requests: { cpu: '250m', memory: '256Mi' } },
        },
        {
          name: 'b',
          resources: { requests: { cpu: '250m', memory: '256Mi' } },
        },
      ],
    };
    // cpu: max(1, 0.25 + 0.25) = 1; memory: max(128Mi, 512Mi) = 512Mi
    expect(podRequestPhases(spec, 'cpu').effective).toBe(1);
    expect(podRequestPhases(spec, 'memory').effective).toBe(536870912);
    const pod = pricePod({ name: 'api-1', spec }, prices, { hours: 10 });
    expect(pod.allocation).toEqual({
      cpuCores: 1,
      memoryBytes: 536870912,
      gpus: 0,
    });
    expect(pod.initContainerExcess).toEqual({
      cpuCores: 0.5,
      memoryBytes: 0,
      gpus: 0,
    });
    // 1 × 0.031611 × 10 and 0.5 × 0.004237 × 10
    expect(pod.cost.cpu).toBeCloseTo(0.31611, 12);
    expect(pod.cost.memory).toBeCloseTo(0.021185, 12);
  });

  it('adds sidecars (init containers with restartPolicy Always) to both phases', () => {
    const spec: PodSpec = {
      initContainers: [
        {
          name: 'proxy',
          restartPolicy: 'Always',
          resources: { requests: { cpu: '100m', memory: '128Mi' } },
        },
        {
          name: 'migrate',
          resources: { requests: { cpu: '1', memory: '128Mi' } },
        },
      ],
      containers: [
        {
          name: 'a',
          resources: { requests: { cpu: '250m', memory: '256Mi' } },
        },
        {
          name: 'b',
          resources: { requests: { cpu: '250m', memory: '256Mi' } },
        },
      ],
    };
    // cpu: init peak 0.1 + 1 = 1.1 > running 0.5 + 0.1; memory: running 512Mi + 128Mi = 640Mi
    expect(podRequestPhases(spec, 'cpu')).toEqual({
      initPeak: 1.1,
      steady: 0.6,
      overhead: 0,
      effective: 1.1,
    });
    expect(podRequestPhases(spec, 'memory').effective).toBe(671088640);
    const pod = pricePod({ name: 'api-1', spec }, prices, { hours: 10 });
    expect(pod.containers.map(c => [c.name, c.sidecar])).toEqual([
      ['a', false],
      ['b', false],
      ['proxy', true],
    ]);
    // 1.1 × 0.031611 × 10 and 0.625 × 0.004237 × 10
    expect(pod.cost.cpu).toBeCloseTo(0.347721, 12);
    expect(pod.cost.memory).toBeCloseTo(0.02648125, 12);
  });

  it('adds the RuntimeClass overhead and charges GPUs by request', () => {
    const pod = pricePod(
      {
        name: 'train-1',
        spec: {
          overhead: { cpu: '250m' },
          containers: [
            {
              name: 'train',
              resources: {
                requests: { cpu: '750m', memory: '1Gi' },
                limits: { 'nvidia.com/gpu': '1' },
              },
            },
          ],
        },
      },
      prices,
      { hours: 730 },
    );
    expect(pod.allocation.cpuCores).toBe(1);
    // 1 × 0.95 × 730
    expect(pod.cost.gpu).toBeCloseTo(693.5, 9);
    expect(pod.quantities.gpuHours).toBe(730);
  });

  it('needs the hours', () => {
    expect(() => pricePod({ name: 'api-1', spec: apiPod }, prices)).toThrow(
      'Cannot price pod api-1: give the hours it ran',
    );
  });
});

describe('pricing a volume', () => {
  it('charges a 20 GiB claim its capacity for a month', () => {
    const volume = priceVolume(
      { name: 'data-api-0', capacity: '20Gi' },
      prices,
      { hours: 730 },
    );
    // 20 × 0.00005479452 × 730
    expect(volume.cost.storage).toBeCloseTo(0.799999992, 12);
    expect(volume.cost.total).toBeCloseTo(0.799999992, 12);
    expect(volume.quantities.storageGiBHours).toBe(14600);
  });
});

describe('pricing a workload', () => {
  it('adds pods and volumes, each for its own hours', () => {
    const workload = priceWorkload({
      pods: [
        { name: 'api-1', spec: apiPod },
        { name: 'api-2', spec: apiPod, hours: 365 },
      ],
      volumes: [{ name: 'data-api-0', capacity: '20Gi' }],
      hours: 730,
      prices,
    });
    expect(workload.currency).toBe('USD');
    expect(workload.method).toBe('requests');
    // pods: 14.631025 + 7.3155125; volume: 0.799999992
    expect(workload.cost.total).toBeCloseTo(22.746537492, 9);
    expect(workload.cost.storage).toBeCloseTo(0.799999992, 12);
    expect(workload.quantities.coreHours).toBe(547.5);
    expect(workload.efficiency).toBeUndefined();
  });

  it("says 'mixed' when only some pods had usage, and gives no efficiency", () => {
    const workload = priceWorkload({
      pods: [
        { name: 'api-1', spec: apiPod, usage: { api: { cpuCores: 0.25 } } },
        { name: 'api-2', spec: apiPod },
      ],
      hours: 1,
      prices,
    });
    expect(workload.method).toBe('mixed');
    expect(workload.efficiency).toBeUndefined();
  });

  it('gives efficiency over all pods when every pod had usage', () => {
    const workload = priceWorkload({
      pods: [
        {
          name: 'api-1',
          spec: apiPod,
          usage: { api: { cpuCores: 0.25, memoryBytes: 0.25 * GiB } },
        },
        {
          name: 'api-2',
          spec: apiPod,
          usage: { api: { cpuCores: 0.5, memoryBytes: 0.75 * GiB } },
        },
      ],
      hours: 10,
      prices,
    });
    expect(workload.method).toBe('max(request, usage)');
    // cpu: (0.25 + 0.5) / (0.5 + 0.5); memory: (0.25 + 0.75) / (1 + 1)
    expect(workload.efficiency?.cpu).toBeCloseTo(0.75, 12);
    expect(workload.efficiency?.memory).toBeCloseTo(0.5, 12);
  });
});
