import type { PlannedResource } from "./model";

/**
 * An architecture diagram of the plan as inline SVG: every component resource is a box holding its child components
 * and, as chips, its custom resources counted by type (so a few hundred resources stay readable). The layout is a
 * deterministic flow of nested boxes: no layout engine, no script, same input → same picture.
 */
interface Node {
    resource: PlannedResource;
    components: Node[];
    customs: Map<string, number>;
}

interface Box {
    width: number;
    height: number;
    draw(x: number, y: number): string;
}

/** Average glyph widths of the 11 px chip text and the 12 px bold titles, with a margin. */
const CHAR = 6.9;
const TITLE_CHAR = 7.8;
const PAD = 8;
const HEADER = 24;
const CHIP_HEIGHT = 20;
const GAP = 8;

const AREA_COLOURS: Record<string, string> = {
    network: "#dbeafe",
    edge: "#fde68a",
    compute: "#dcfce7",
    data: "#fce7f3",
    observability: "#ede9fe",
    security: "#fee2e2",
};

export function escapeXml(text: string): string {
    return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** `aws:s3/bucketPolicy:BucketPolicy` → `BucketPolicy`; `platform:data:Database` → `Database`. */
function shortType(type: string): string {
    return type.split(":").pop() ?? type;
}

function buildTree(resources: PlannedResource[]): Node[] {
    const nodes = new Map<string, Node>();
    for (const r of resources.filter((r) => !r.custom)) {
        nodes.set(r.urn, { resource: r, components: [], customs: new Map() });
    }
    const roots: Node[] = [];
    for (const node of nodes.values()) {
        const parent = node.resource.parent ? nodes.get(node.resource.parent) : undefined;
        (parent ? parent.components : roots).push(node);
    }
    for (const r of resources.filter((r) => r.custom && !r.type.startsWith("pulumi:providers:"))) {
        const parent = (r.parent && nodes.get(r.parent)) || roots[0];
        if (parent) {
            const key = shortType(r.type);
            parent.customs.set(key, (parent.customs.get(key) ?? 0) + 1);
        }
    }
    return roots;
}

function flow(items: Box[], maxWidth: number): { width: number; height: number; place: Array<{ box: Box; x: number; y: number }> } {
    const place: Array<{ box: Box; x: number; y: number }> = [];
    let x = 0;
    let y = 0;
    let rowHeight = 0;
    let width = 0;
    for (const box of items) {
        if (x > 0 && x + box.width > maxWidth) {
            x = 0;
            y += rowHeight + GAP;
            rowHeight = 0;
        }
        place.push({ box, x, y });
        x += box.width + GAP;
        rowHeight = Math.max(rowHeight, box.height);
        width = Math.max(width, x - GAP);
    }
    return { width, height: items.length ? y + rowHeight : 0, place };
}

function chip(label: string): Box {
    const width = Math.ceil(label.length * CHAR) + 14;
    return {
        width,
        height: CHIP_HEIGHT,
        draw: (x, y) => `<g><rect x="${x}" y="${y}" width="${width}" height="${CHIP_HEIGHT}" rx="10" fill="#ffffff" stroke="#94a3b8"/><text x="${x + 7}" y="${y + 14}" font-size="11">${escapeXml(label)}</text></g>`,
    };
}

function componentBox(node: Node, maxWidth: number): Box {
    const inner = maxWidth - 2 * PAD;
    const children = node.components.map((c) => componentBox(c, inner));
    const chips = [...node.customs].sort((a, b) => a[0].localeCompare(b[0])).map(([type, count]) => chip(count > 1 ? `${type} ×${count}` : type));
    const childFlow = flow(children, inner);
    const chipFlow = flow(chips, inner);
    const title = `${node.resource.name} · ${shortType(node.resource.type)}${node.resource.remote ? " (remote)" : ""}`;
    const contentHeight = childFlow.height + (childFlow.height && chipFlow.height ? GAP : 0) + chipFlow.height;
    const width = Math.min(maxWidth, Math.max(Math.ceil(title.length * TITLE_CHAR) + 2 * PAD, childFlow.width + 2 * PAD, chipFlow.width + 2 * PAD, 120));
    const height = HEADER + contentHeight + PAD;
    const area = node.resource.type.split(":")[1] ?? "";
    const fill = AREA_COLOURS[area] ?? "#f1f5f9";
    return {
        width,
        height,
        draw: (x, y) => {
            const parts = [
                `<g data-urn="${escapeXml(node.resource.urn)}"><title>${escapeXml(node.resource.urn)}</title>`,
                `<rect x="${x}" y="${y}" width="${width}" height="${height}" rx="6" fill="${fill}" stroke="#475569"${node.resource.remote ? ' stroke-dasharray="5 3"' : ""}/>`,
                `<text x="${x + PAD}" y="${y + 16}" font-size="12" font-weight="600">${escapeXml(title)}</text>`,
                ...childFlow.place.map((p) => p.box.draw(x + PAD + p.x, y + HEADER + p.y)),
                ...chipFlow.place.map((p) => p.box.draw(x + PAD + p.x, y + HEADER + childFlow.height + (childFlow.height ? GAP : 0) + p.y)),
                "</g>",
            ];
            return parts.join("");
        },
    };
}

/** The whole plan as one SVG element, `width` wide. */
export function renderDiagram(resources: PlannedResource[], width = 1180): string {
    const roots = buildTree(resources);
    const boxes = roots.map((r) => componentBox(r, width));
    const layout = flow(boxes, width);
    const height = Math.max(layout.height, 40);
    const body = layout.place.map((p) => p.box.draw(p.x, p.y)).join("");
    return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Architecture diagram: components and their resources" viewBox="-1 -1 ${width + 2} ${height + 2}" width="100%" font-family="system-ui, sans-serif">${body}</svg>`;
}
