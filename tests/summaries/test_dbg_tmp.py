import os, random, traceback
from tests.summaries.test_kept_equals_rebuild import _world, _apply, _kept, _rebuilt

def diff(a, b):
    for part in a:
        for k in set(a[part]) | set(b[part]):
            if a[part].get(k) != b[part].get(k):
                print(part, k, "\n kept   ", a[part].get(k), "\n rebuilt", b[part].get(k))

def rand_step(rng):
    k = rng.choice(["submit", "move", "active", "merge", "close", "new"])
    p = lambda: rng.randrange(6)
    if k == "submit":
        return (k, p(), rng.randrange(2), [(rng.randint(1, 5), rng.randint(0, 4)) for _ in range(12)])
    if k == "move": return (k, p(), rng.randrange(3))
    if k == "active": return (k, p(), rng.random() < .5)
    if k == "merge": return (k, p(), p())
    if k == "close": return (k, rng.randrange(2), rng.random() < .5)
    return (k, rng.randrange(3))

def test_dbg(app, instruments):
    from app.extensions import db
    with app.app_context():
      for seed in range(2, 40):
        rng = random.Random(seed)
        for n in range(15):
            seq = [rand_step(rng) for _ in range(rng.randrange(14))]
            world = _world(instruments)
            for s in seq:
                try:
                    _apply(world, s)
                except Exception as e:
                    print("EXC", seed, n, s[:2], repr(e)[:300]); db.session.rollback(); continue
            k, r = _kept(), _rebuilt()
            if k != r:
                print("SEED", seed, "N", n, "SEQ", seq, "AT", s)
                diff(k, r)
                assert False
