import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";

/** Every YAML document of `file`, parsed; a syntax error fails the test. */
function documentsOf(file: string): Record<string, unknown>[] {
  return parseAllDocuments(readFileSync(file, "utf8")).map((document) => {
    expect(document.errors, file).toEqual([]);
    return document.toJS() as Record<string, unknown>;
  });
}

// biome-ignore lint/suspicious/noExplicitAny: walking parsed YAML whose shape the test checks.
type Loose = any;

describe("docs/examples: the shard files parse and agree with themselves", () => {
  it("Kubernetes: an Indexed Job whose completions is the n of --shard, the shard from JOB_COMPLETION_INDEX", () => {
    const [claim, job] = documentsOf("docs/examples/kubernetes/ccsim-shards-job.yaml") as Loose[];
    expect(claim.kind).toBe("PersistentVolumeClaim");
    expect(job.kind).toBe("Job");
    expect(job.spec.completionMode).toBe("Indexed");
    const [container] = job.spec.template.spec.containers;
    const command = container.command.join(" ");
    const shard = /--shard \$\(\(JOB_COMPLETION_INDEX \+ 1\)\)\/(\d+)/.exec(command);
    expect(shard?.[1]).toBe(String(job.spec.completions));
    expect(command).toMatch(/--out \/results\/shard-\$\(\(JOB_COMPLETION_INDEX \+ 1\)\)/);
    const mounted = container.volumeMounts.find((mount: Loose) => mount.mountPath === "/results");
    const volume = job.spec.template.spec.volumes.find((one: Loose) => one.name === mounted.name);
    expect(volume.persistentVolumeClaim.claimName).toBe(claim.metadata.name);

    const [merge] = documentsOf("docs/examples/kubernetes/ccsim-merge-job.yaml") as Loose[];
    const mergeContainer = merge.spec.template.spec.containers[0];
    expect(mergeContainer.command.join(" ")).toMatch(/ccsim merge \/results\/shard-\* --out /);
    // Same image and working folder: the same ccsim version and the same provenance paths.
    expect(mergeContainer.image).toBe(container.image);
    expect(mergeContainer.workingDir).toBe(container.workingDir);
  });

  it("GitHub Actions: one matrix job per shard, artifacts named as the merge job downloads them", () => {
    const [workflow] = documentsOf("docs/examples/github-actions/ccsim-shards.yml") as Loose[];
    const shards: number[] = workflow.jobs.shard.strategy.matrix.shard;
    expect(shards).toEqual(Array.from({ length: workflow.env.SHARDS }, (_, index) => index + 1));
    const steps: Loose[] = workflow.jobs.shard.steps;
    const upload = steps.find((step) => step.uses === "actions/upload-artifact@v4");
    expect(upload.with.name).toMatch(/^shard-\$\{\{ matrix\.shard \}\}$/);
    expect(
      steps.some((step) => /--shard \$\{\{ matrix\.shard \}\}\/"\$SHARDS"/.test(step.run ?? "")),
    ).toBe(true);
    expect(workflow.jobs.merge.needs).toBe("shard");
    const download = workflow.jobs.merge.steps.find(
      (step: Loose) => step.uses === "actions/download-artifact@v4",
    );
    expect(download.with.pattern).toBe("shard-*");
    // One folder per artifact under `path` (merge-multiple unset), which the merge globs.
    expect(download.with["merge-multiple"]).toBeUndefined();
    const merge = workflow.jobs.merge.steps.find((step: Loose) =>
      /ccsim merge/.test(step.run ?? ""),
    );
    expect(merge.run).toContain(`ccsim merge ${download.with.path}/shard-*`);
  });

  it("Kubernetes rounds of staff --per-interval: one Indexed Job per round, merged and driven by the merge's log line", () => {
    const folder = "docs/examples/staff-curve";
    const [claim, job] = documentsOf(`${folder}/ccsim-curve-shards-job.yaml`) as Loose[];
    expect(claim.kind).toBe("PersistentVolumeClaim");
    expect(job.spec.completionMode).toBe("Indexed");
    const [container] = job.spec.template.spec.containers;
    const command = container.command.join(" ");
    const shard = /--shard \$\(\(JOB_COMPLETION_INDEX \+ 1\)\)\/(\d+)/.exec(command);
    expect(shard?.[1]).toBe(String(job.spec.completions));
    expect(command).toContain("--per-interval");
    // Round 1 without --resume; later rounds resume the study the merge writes.
    expect(command).toContain(
      '[ -f /results/study/staff-progress.json ]; then resume="--resume /results/study"',
    );
    expect(command).toMatch(/--out \/results\/curve-shard-\$\(\(JOB_COMPLETION_INDEX \+ 1\)\)/);
    const volume = job.spec.template.spec.volumes[0];
    expect(volume.persistentVolumeClaim.claimName).toBe(claim.metadata.name);

    const [merge] = documentsOf(`${folder}/ccsim-curve-merge-job.yaml`) as Loose[];
    const mergeContainer = merge.spec.template.spec.containers[0];
    const mergeCommand = mergeContainer.command.join(" ");
    expect(mergeCommand).toContain("ccsim merge /results/curve-shard-* --out /results/study");
    expect(mergeContainer.image).toBe(container.image);
    expect(mergeContainer.workingDir).toBe(container.workingDir);
    expect(merge.spec.template.spec.volumes[0].persistentVolumeClaim.claimName).toBe(
      claim.metadata.name,
    );
    // The driver re-creates both Jobs by name and reads the lines the merge prints.
    const driver = readFileSync(`${folder}/kubernetes-rounds.sh`, "utf8");
    expect(driver).toContain(`kubectl delete job ${job.metadata.name} ${merge.metadata.name}`);
    for (const line of ["ccsim-curve: next day", "ccsim-curve: ended"]) {
      expect(mergeCommand).toContain(line);
      expect(driver).toContain(line);
    }
  });

  it("GitHub Actions rounds of staff --per-interval: each run resumes the study the previous run uploaded", () => {
    const file = "docs/examples/staff-curve/ccsim-curve.yml";
    const [workflow] = documentsOf(file) as Loose[];
    const shards: number[] = workflow.jobs.shard.strategy.matrix.shard;
    expect(shards).toEqual(Array.from({ length: workflow.env.SHARDS }, (_, index) => index + 1));
    const steps: Loose[] = workflow.jobs.shard.steps;
    const previous = steps.find((step) => step.uses === "actions/download-artifact@v4");
    expect(previous.with["run-id"]).toMatch(/^\$\{\{ inputs\.previous-run \}\}$/);
    const simulate = steps.find((step) => /--per-interval/.test(step.run ?? ""));
    expect(simulate.run).toContain(`[ -f ${previous.with.path}/staff-progress.json ]`);
    expect(simulate.run).toMatch(/--shard \$\{\{ matrix\.shard \}\}\/"\$SHARDS"/);
    const mergeSteps: Loose[] = workflow.jobs.merge.steps;
    const upload = mergeSteps.find(
      (step) => step.uses === "actions/upload-artifact@v4" && step.with.name === previous.with.name,
    );
    expect(upload.with.path).toBe("study");
    expect(
      mergeSteps.some((step) =>
        (step.run ?? "").includes("ccsim merge shards/shard-* --out study"),
      ),
    ).toBe(true);
    // The next round is this very workflow, dispatched with this run's id.
    const dispatch = mergeSteps.find((step) => /gh workflow run/.test(step.run ?? ""));
    expect(dispatch.run).toContain("gh workflow run ccsim-curve.yml");
    expect(dispatch.run).toMatch(/previous-run=\$\{\{ github\.run_id \}\}/);
    expect(Object.keys(workflow.on.workflow_dispatch.inputs)).toEqual(["previous-run"]);
    expect(workflow.permissions.actions).toBe("write");
  });
});
