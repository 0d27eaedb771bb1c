import { UNKNOWN, res, unk, type RuleCases } from "../../cases";

/** Cases of general-required-tags (test/policies/unit.test.ts runs them in-process). */
const TAGS = { owner: "team", "cost-center": "cc", "data-classification": "restricted", environment: "production" };
const LISTENER = "aws:lb/listener:Listener";

export const cases: RuleCases = {
    compliant: [res("all tags", "aws:sns/topic:Topic", { tags: TAGS }), res("untaggable type without tags", "aws:lb/targetGroupAttachment:TargetGroupAttachment", {}),
        res("tags from the provider's defaultTags (JSON-encoded)", "aws:sqs/queue:Queue", {}, { providerProps: { region: "eu-west-1", defaultTags: JSON.stringify({ tags: TAGS }) } }),
        res("own tags over partial provider tags", "aws:sqs/queue:Queue", { tags: { owner: "o", environment: "e" } }, { providerProps: { defaultTags: { tags: { "cost-center": "c", "data-classification": "d" } } } })],
    violating: [res("missing tags", "aws:sns/topic:Topic", { tags: { owner: "x" } }), res("taggable listener declared without tags", LISTENER, {}), res("empty tag value", "aws:sqs/queue:Queue", { tags: { ...TAGS, owner: "" } })],
    unknown: [unk("tag value unknown counts as present", "compliant", res("", "aws:sns/topic:Topic", { tags: { ...TAGS, owner: UNKNOWN } })), unk("tags unknown", "not-judged", res("", "aws:sns/topic:Topic", { tags: UNKNOWN }))],
    ignored: [res("non-AWS resource", "random:index/randomPassword:RandomPassword", {})],
    messages: {
        "missing tags": ["missing required tag(s): cost-center, data-classification, environment"],
        "taggable listener declared without tags": ["missing required tag(s): owner, cost-center, data-classification, environment"],
        "empty tag value": ["missing required tag(s): owner"],
        "tags unknown": ["not judged: tags unknown during preview"],
    },
};
