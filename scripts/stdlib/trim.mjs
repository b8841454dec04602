// ITB Flex: make the browser's trimmed, precompiled standard library, inside Pyodide under Node.
//
// Called by hooks/sitebuild/stdlib.py at build time (cached while its inputs are unchanged):
//   node scripts/stdlib/trim.mjs <job.json>
// job.json: {pyodide: <npm pyodide folder>, wheel: <flexdose wheel>, worker: <worker.py>,
//            imports: [<every module name flexdose, worker.py and PyScript's Python import>],
//            out: <folder>}
// Writes into out: python_stdlib.zip (the trimmed .pyc zip), pycache/<path> (flexdose's .pyc,
// for the site's wheel), lock.json (the minimal lock the runtime needs: the real lock's info,
// no packages) and report.json (what was kept, the check's result, start-up times here).
// Exits non-zero, with the reason on stderr, when a module the package needs is missing.
//
// Pyodide runs in Node from the same npm files the browser gets, so the bytecode's magic number
// and the module set are those of the browser's Python.

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const job = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const { loadPyodide } = await import(path.join(job.pyodide, "pyodide.mjs"));
const bytes = (file) => new Uint8Array(fs.readFileSync(file));
const WORKER_DIR = "/home/pyodide/itb_flex";
const TOOLS_DIR = "/home/pyodide/itb_stdlib";

function quiet() {
    // Pyodide's own start-up chatter would end up in the MkDocs log.
    return { stdout: () => {}, stderr: (line) => process.stderr.write(`${line}\n`) };
}

function install(pyodide, { pycache = [] } = {}) {
    const sitePackages = pyodide.runPython("import sysconfig; sysconfig.get_path('purelib')");
    pyodide.unpackArchive(bytes(job.wheel), "wheel", { extractDir: sitePackages });
    for (const [rel, data] of pycache) {
        const dest = `${sitePackages}/${rel}`;
        pyodide.FS.mkdirTree(path.posix.dirname(dest));
        pyodide.FS.writeFile(dest, data);
    }
    pyodide.FS.mkdirTree(WORKER_DIR);
    pyodide.FS.writeFile(`${WORKER_DIR}/itb_flex_worker.py`, bytes(job.worker));
    pyodide.FS.mkdirTree(TOOLS_DIR);
    for (const name of ["trim_in_pyodide.py", "check_in_pyodide.py"]) {
        pyodide.FS.writeFile(`${TOOLS_DIR}/${name}`, bytes(path.join(HERE, name)));
    }
    pyodide.runPython(`import sys; sys.path[:0] = ["${WORKER_DIR}", "${TOOLS_DIR}"]`);
    return sitePackages;
}

const call = (pyodide, module, fn, ...args) =>
    JSON.parse(
        pyodide.runPython(
            `import json, ${module}; json.dumps(${module}.${fn}(*json.loads(_itb_args)))`,
            { globals: pyodide.toPy({ _itb_args: JSON.stringify(args) }) },
        ),
    );

async function main() {
    // 1. The stock runtime: what start-up loads, what the roots import, what the package loads.
    let started = performance.now();
    const stock = await loadPyodide({ indexURL: job.pyodide, ...quiet() });
    const stockMs = performance.now() - started;
    install(stock);
    const startup = call(stock, "check_in_pyodide", "loaded_from_zip");
    const absentInStock = call(stock, "check_in_pyodide", "import_all", job.imports);
    call(stock, "check_in_pyodide", "check", "itb_flex_worker", "flexdose");
    const loaded = call(stock, "check_in_pyodide", "loaded_from_zip");
    // Only now the build's own tools (zipfile, marshal...), which the browser never needs.
    const entries = call(stock, "trim_in_pyodide", "plan", [...startup, ...loaded]);
    const built = call(stock, "trim_in_pyodide", "build", entries, "/tmp/python_stdlib.zip");
    const sitePackages = stock.runPython("import sysconfig; sysconfig.get_path('purelib')");
    const pycache = call(
        stock,
        "trim_in_pyodide",
        "compile_package",
        `${sitePackages}/flexdose`,
    ).map(([rel, b64]) => [rel, Uint8Array.from(Buffer.from(b64, "base64"))]);
    const trimmed = stock.FS.readFile("/tmp/python_stdlib.zip");
    const stockLock = JSON.parse(fs.readFileSync(path.join(job.pyodide, "pyodide-lock.json")));
    // What Pyodide reads from its lock with no package to load: the ABI check's info.
    const lock = { info: stockLock.info, packages: {} };

    fs.mkdirSync(job.out, { recursive: true });
    fs.writeFileSync(path.join(job.out, "python_stdlib.zip"), trimmed);
    fs.writeFileSync(path.join(job.out, "lock.json"), JSON.stringify(lock));
    for (const [rel, data] of pycache) {
        const dest = path.join(job.out, "pycache", rel);
        fs.mkdirSync(path.dirname(dest), { recursive: true });
        fs.writeFileSync(dest, data);
    }

    // 2. The trimmed runtime alone: every root import, flexdose module and worker function.
    started = performance.now();
    const lean = await loadPyodide({
        indexURL: job.pyodide,
        stdLibURL: path.join(job.out, "python_stdlib.zip"),
        lockFileContents: lock,
        ...quiet(),
    });
    const leanMs = performance.now() - started;
    install(lean, { pycache });
    let checked;
    try {
        const absent = call(lean, "check_in_pyodide", "import_all", job.imports);
        const lost = absent.filter((name) => !absentInStock.includes(name));
        if (lost.length) throw new Error(`no module named ${lost.join(", ")}`);
        checked = call(lean, "check_in_pyodide", "check", "itb_flex_worker", "flexdose");
    } catch (error) {
        throw new Error(
            `the trimmed standard library lacks a module flexdose, the worker or PyScript ` +
                `imports:\n${error?.message ?? error}`,
        );
    }
    const report = {
        modules: built.modules,
        source_bytes: built.source_bytes,
        zip_bytes: trimmed.length,
        pycache: pycache.length,
        checked,
        node_start_ms: { stock: Math.round(stockMs), trimmed: Math.round(leanMs) },
        entries,
    };
    fs.writeFileSync(path.join(job.out, "report.json"), JSON.stringify(report, null, 1));
    process.stdout.write(
        `trimmed stdlib: ${built.modules} modules, ${trimmed.length} bytes; start in Node ` +
            `${report.node_start_ms.stock} ms stock, ${report.node_start_ms.trimmed} ms trimmed\n`,
    );
}

try {
    await main();
} catch (error) {
    // Only the message: Node would print the minified line of pyodide.asm.mjs around it.
    process.stderr.write(`scripts/stdlib/trim.mjs: ${error?.message ?? error}\n`);
    process.exit(1);
}
