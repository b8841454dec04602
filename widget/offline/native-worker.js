// ITB Flex offline build: keep the browser's own Worker constructor. The iframe-worker shim that
// Material's offline plugin loads next replaces window.Worker on file:// (for the search); the
// widget's file mode (filemode.js) needs the real one for its module worker.
self.ItbFlexNativeWorker = self.Worker;
