#!/usr/bin/env python3
"""Who holds the int[] arrays of a heap dump (BENCHMARKS.md, "What grows at 10,000 sessions").

A throwaway-grade reader of HPROF files (no Eclipse MAT on these machines): it follows every int[]'s first
referrers up to DEPTH levels (class and field names) and sums count and bytes by that chain, then lists JavaFX's
effect image pool (com.sun.scenario.effect.impl.ImagePool: entries locked and unlocked, their sizes).

  java -Dbench.heapDumps=true ... FlowBenchmark --histograms DIR   # writes DIR/heap-{start,middle,end}.hprof
  python3 benchmarks/tools/hprof-holders.py DIR/heap-start.hprof [DEPTH (5)]

Needs numpy. Reads a 200 MB dump in about a minute. Follows SoftReference.referent like any field, so a chain
through a SoftReference is held softly (freed only when the heap runs short).
"""
import struct, sys, collections, mmap
import numpy as np

def parse(path):
    f = open(path, 'rb'); mm = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    end = mm.find(b'\0'); pos = end + 1
    idsz = struct.unpack('>I', mm[pos:pos+4])[0]; pos += 12
    assert idsz == 8
    Q = struct.Struct('>Q'); I = struct.Struct('>I'); H = struct.Struct('>H')
    strings = {}; classname = {}   # class obj id -> name
    classes = {}  # id -> (super, [field types])
    statics_edges = []
    objclass = {}  # obj id -> class id (instances) or ('arr', name)
    edges_src = []; edges_dst = []
    prim = {}  # int[] id -> bytes ; plus other prim arrays
    primtype = {}
    tsz = {2:8,4:1,5:2,6:4,7:8,8:1,9:2,10:4,11:8}
    instances = []
    n = len(mm)
    while pos < n:
        tag = mm[pos]; ln = I.unpack_from(mm, pos+5)[0]; body = pos + 9; pos = body + ln
        if tag == 0x01:
            sid = Q.unpack_from(mm, body)[0]; strings[sid] = mm[body+8:body+ln].decode('utf8', 'replace')
        elif tag == 0x02:
            cid = Q.unpack_from(mm, body+4)[0]; nid = Q.unpack_from(mm, body+16)[0]
            classname[cid] = strings.get(nid, '?')
        elif tag in (0x0c, 0x1c):
            p = body; e = body + ln
            while p < e:
                st = mm[p]; p += 1
                if st == 0xff: p += 8
                elif st == 0x01: p += 16
                elif st in (0x02, 0x03, 0x08): p += 16
                elif st in (0x04, 0x06): p += 12
                elif st in (0x05, 0x07): p += 8
                elif st == 0x20:
                    cid = Q.unpack_from(mm, p)[0]; sup = Q.unpack_from(mm, p+12)[0]
                    p += 8+4+8*6+4
                    ncp = H.unpack_from(mm, p)[0]; p += 2
                    for _ in range(ncp):
                        t = mm[p+2]; p += 3 + tsz[t]
                    ns = H.unpack_from(mm, p)[0]; p += 2
                    for _ in range(ns):
                        t = mm[p+8]
                        if t == 2:
                            v = Q.unpack_from(mm, p+9)[0]
                            if v: edges_src.append(cid); edges_dst.append(v)
                        p += 9 + tsz[t]
                    nf = H.unpack_from(mm, p)[0]; p += 2
                    fts = []
                    for _ in range(nf):
                        fts.append((Q.unpack_from(mm, p)[0], mm[p+8])); p += 9
                    classes[cid] = (sup, fts)
                elif st == 0x21:
                    oid = Q.unpack_from(mm, p)[0]; cid = Q.unpack_from(mm, p+12)[0]; nb = I.unpack_from(mm, p+20)[0]
                    objclass[oid] = cid
                    instances.append((oid, cid, p+24))
                    p += 24 + nb
                elif st == 0x22:
                    oid = Q.unpack_from(mm, p)[0]; num = I.unpack_from(mm, p+12)[0]; acid = Q.unpack_from(mm, p+16)[0]
                    objclass[oid] = acid
                    q = p + 24
                    for k in range(num):
                        v = Q.unpack_from(mm, q + 8*k)[0]
                        if v: edges_src.append(oid); edges_dst.append(v)
                    p = q + 8*num
                elif st == 0x23:
                    oid = Q.unpack_from(mm, p)[0]; num = I.unpack_from(mm, p+12)[0]; t = mm[p+16]
                    prim[oid] = num * tsz[t]; primtype[oid] = t
                    p += 17 + num * tsz[t]
                else:
                    raise Exception('subtag %x at %d' % (st, p))
    # field layouts
    layout = {}
    def lay(cid):
        if cid in layout: return layout[cid]
        offs = []; off = 0; c = cid
        while c and c in classes:
            sup, fts = classes[c]
            for nm, t in fts:
                if t == 2: offs.append((off, strings.get(nm, '?')))
                off += tsz[t]
            c = sup
        layout[cid] = offs; return offs
    fieldname = {}  # (src,dst) -> field name, only lazily
    for oid, cid, q in instances:
        for off, nm in lay(cid):
            v = Q.unpack_from(mm, q + off)[0]
            if v: edges_src.append(oid); edges_dst.append(v)
    return dict(classes=classes, classname=classname, objclass=objclass, prim=prim, primtype=primtype, src=edges_src, dst=edges_dst,
                mm=mm, instances=instances, lay=lay, strings=strings)


def main():
    depth = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    h = parse(sys.argv[1])
    cn = h['classname']; oc = h['objclass']; prim = h['prim']; pt = h['primtype']; mm = h['mm']
    classes = h['classes']; strings = h['strings']
    src = np.array(h['src'], dtype=np.uint64); dst = np.array(h['dst'], dtype=np.uint64)
    order = np.argsort(dst, kind='stable'); dsts = dst[order]; srcs = src[order]
    osort = np.argsort(src, kind='stable'); srcs2 = src[osort]; dsts2 = dst[osort]
    inst = {oid: (cid, q) for oid, cid, q in h['instances']}
    Q = struct.Struct('>Q')
    tsz = {2: 8, 4: 1, 5: 2, 6: 4, 7: 8, 8: 1, 9: 2, 10: 4, 11: 8}
    fmt = {2: '>Q', 4: '>B', 5: '>H', 6: '>f', 7: '>d', 8: '>b', 9: '>h', 10: '>i', 11: '>q'}

    def refs(o):
        a = np.searchsorted(dsts, o, 'left'); b = np.searchsorted(dsts, o, 'right')
        return [int(x) for x in srcs[a:b]]

    def outrefs(o):
        a = np.searchsorted(srcs2, o, 'left'); b = np.searchsorted(srcs2, o, 'right')
        return [int(x) for x in dsts2[a:b]]

    def fields(oid):
        cid, q = inst[oid]; out = {}; off = 0; c = cid
        while c and c in classes:
            sup, fts = classes[c]
            for nm, t in fts:
                out.setdefault(strings.get(nm, '?'), struct.unpack_from(fmt[t], mm, q + off)[0]); off += tsz[t]
            c = sup
        return out

    def name(o):
        if o in cn and o not in oc:
            return 'class ' + cn[o]
        return cn.get(oc.get(o), '?').replace('/', '.')

    def field(parent, child):
        if parent in inst:
            for k, v in fields(parent).items():
                if v == child:
                    return '.' + k
        return ''

    ints = [(o, n) for o, n in prim.items() if pt[o] == 10]
    print('int[]: %d arrays, %.1f MB' % (len(ints), sum(n for _, n in ints) / 1e6))
    agg = collections.defaultdict(lambda: [0, 0])
    for o, n in ints:
        chain = []; cur = o; seen = {o}
        for _ in range(depth):
            r = [x for x in refs(cur) if x not in seen]
            if not r:
                break
            p = r[0]
            chain.append(name(p) + field(p, cur) + ('(+%d refs)' % (len(r) - 1) if len(r) > 1 else ''))
            seen.add(p); cur = p
            if name(p).startswith('class '):
                break
        agg[' <- '.join(chain)][0] += 1; agg[' <- '.join(chain)][1] += n
    print('  count       MB  first referrers')
    for k, (c, b) in sorted(agg.items(), key=lambda kv: -kv[1][1])[:25]:
        print('%7d %8.1f  %s' % (c, b / 1e6, k))
    for oid, (cid, q) in inst.items():
        if cn.get(cid) != 'com/sun/scenario/effect/impl/ImagePool':
            continue
        f = fields(oid)
        for lst in ('unlocked', 'locked'):
            al = fields(f[lst]); total = 0; dims = []
            for sr in outrefs(al['elementData'])[:al['size']]:
                ref = fields(sr).get('referent') if sr in inst else None
                rtt = fields(ref).get('rtt') if ref in inst else None
                if rtt in inst:
                    t = fields(rtt); w, hh = t.get('physicalWidth') or 0, t.get('physicalHeight') or 0
                    dims.append((w, hh)); total += w * hh * 4
            print('JavaFX effect ImagePool %s: %d images, %.1f MB: %s' % (lst, al['size'], total / 1e6, sorted(dims)))


if __name__ == "__main__":
    main()
