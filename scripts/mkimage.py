#!/usr/bin/env python3
"""Builds an OCI image layout offline, for demos, tests and benchmarks.

    scripts/mkimage.py DIR [--tag latest] [--layer SPEC]...

Each --layer SPEC is one of
    text:NAME=CONTENT      a tar+gzip layer holding file NAME with CONTENT
    random:SIZE            an uncompressed tar layer holding SIZE bytes of random data
                           (SIZE like 64K, 512M, 1G), written in chunks: memory stays small
    gzrandom:SIZE          the same as a tar+gzip layer
Without --layer: two small text layers. Prints the manifest digest.
"""
import argparse, gzip, hashlib, io, json, os, sys, tarfile, time

def blob_write(layout, data_path_or_bytes):
    """Moves/writes a blob into blobs/sha256 and returns (digest, size)."""
    h = hashlib.sha256()
    os.makedirs(os.path.join(layout, "blobs", "sha256"), exist_ok=True)
    if isinstance(data_path_or_bytes, bytes):
        h.update(data_path_or_bytes)
        digest = h.hexdigest()
        with open(os.path.join(layout, "blobs", "sha256", digest), "wb") as f:
            f.write(data_path_or_bytes)
        return "sha256:" + digest, len(data_path_or_bytes)
    path = data_path_or_bytes
    size = 0
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            h.update(chunk)
            size += len(chunk)
    digest = h.hexdigest()
    os.replace(path, os.path.join(layout, "blobs", "sha256", digest))
    return "sha256:" + digest, size

def parse_size(s):
    mult = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
    return int(s[:-1]) * mult[s[-1].upper()] if s[-1].upper() in mult else int(s)

class RandomReader(io.RawIOBase):
    def __init__(self, n):
        self.left = n
    def readable(self):
        return True
    def readinto(self, b):
        n = min(len(b), self.left, 1 << 20)
        b[:n] = os.urandom(n)
        self.left -= n
        return n

def text_layer(layout, name, content):
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as t:
        data = content.encode()
        info = tarfile.TarInfo(name)
        info.size, info.mtime, info.mode = len(data), 0, 0o644
        t.addfile(info, io.BytesIO(data))
    tar_bytes = raw.getvalue()
    gz = gzip.compress(tar_bytes, mtime=0)
    digest, size = blob_write(layout, gz)
    return ("application/vnd.oci.image.layer.v1.tar+gzip", digest, size,
            "sha256:" + hashlib.sha256(tar_bytes).hexdigest())

class HashingWriter:
    """Passes writes on while hashing them (the diff_id of a compressed layer)."""
    def __init__(self, inner):
        self.inner, self.h, self.pos = inner, hashlib.sha256(), 0
    def write(self, b):
        self.h.update(b)
        self.pos += len(b)
        return self.inner.write(b)
    def tell(self):
        return self.pos

def random_layer(layout, size, index, gz=False):
    tmp = os.path.join(layout, f".layer{index}.tmp")
    with open(tmp, "wb") as f:
        out = gzip.GzipFile(fileobj=f, mode="wb", compresslevel=1, mtime=0) if gz else f
        hashing = HashingWriter(out)
        with tarfile.open(fileobj=hashing, mode="w", format=tarfile.PAX_FORMAT) as t:
            info = tarfile.TarInfo(f"data{index}.bin")
            info.size, info.mtime, info.mode = size, 0, 0o644
            t.addfile(info, io.BufferedReader(RandomReader(size), 1 << 20))
        if gz:
            out.close()
    digest, blob_size = blob_write(layout, tmp)
    diff_id = "sha256:" + hashing.h.hexdigest()
    media = "application/vnd.oci.image.layer.v1.tar" + ("+gzip" if gz else "")
    return (media, digest, blob_size, diff_id)

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir")
    ap.add_argument("--tag", default="latest")
    ap.add_argument("--layer", action="append", default=[])
    a = ap.parse_args()
    specs = a.layer or ["text:hello.txt=hello from secl\n", "text:etc/motd=an encrypted image\n"]
    os.makedirs(a.dir, exist_ok=True)
    layers = []
    for i, spec in enumerate(specs):
        kind, _, arg = spec.partition(":")
        if kind == "text":
            name, _, content = arg.partition("=")
            layers.append(text_layer(a.dir, name, content))
        elif kind == "random":
            layers.append(random_layer(a.dir, parse_size(arg), i))
        elif kind == "gzrandom":
            layers.append(random_layer(a.dir, parse_size(arg), i, gz=True))
        else:
            sys.exit(f"mkimage: unknown layer spec {spec!r}")
    config = {
        "created": "2024-01-01T00:00:00Z", "architecture": "amd64", "os": "linux",
        "config": {"Cmd": ["/bin/sh"]},
        "rootfs": {"type": "layers", "diff_ids": [l[3] for l in layers]},
        "history": [{"created": "2024-01-01T00:00:00Z", "created_by": "scripts/mkimage.py"} for _ in layers],
    }
    cdigest, csize = blob_write(a.dir, json.dumps(config, separators=(",", ":")).encode())
    manifest = {
        "schemaVersion": 2,
        "mediaType": "application/vnd.oci.image.manifest.v1+json",
        "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": cdigest, "size": csize},
        "layers": [{"mediaType": m, "digest": d, "size": s} for (m, d, s, _) in layers],
    }
    mdigest, msize = blob_write(a.dir, json.dumps(manifest, separators=(",", ":")).encode())
    index_path = os.path.join(a.dir, "index.json")
    index = {"schemaVersion": 2, "manifests": []}
    if os.path.exists(index_path):
        with open(index_path) as f:
            index = json.load(f)
    index["manifests"] = [m for m in index.get("manifests", [])
                          if m.get("annotations", {}).get("org.opencontainers.image.ref.name") != a.tag]
    index["manifests"].append({"mediaType": "application/vnd.oci.image.manifest.v1+json",
                               "digest": mdigest, "size": msize,
                               "annotations": {"org.opencontainers.image.ref.name": a.tag}})
    with open(os.path.join(a.dir, "oci-layout"), "w") as f:
        json.dump({"imageLayoutVersion": "1.0.0"}, f)
    with open(index_path + ".tmp", "w") as f:
        json.dump(index, f)
    os.replace(index_path + ".tmp", index_path)
    print(mdigest)

if __name__ == "__main__":
    main()
