// Throws while loading, as a pack with a bug in its module scope would.
throw new Error("crashing-pack: rule table is malformed");
