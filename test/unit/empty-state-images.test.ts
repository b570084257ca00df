import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// Polaris's EmptyState keeps a 226 px placeholder for its image until React has hydrated the page
// and seen the image loaded. With an image, the illustration (226 px, shown from the first paint by
// app/styles/first-paint.css) fills the same box; without one (image=""), the placeholder is dropped
// at hydration and everything below it jumps up: a layout shift the merchant sees.

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsxFiles(path);
    return entry.name.endsWith(".tsx") && !entry.name.endsWith(".test.tsx") ? [path] : [];
  });
}

/** Each `<EmptyState>` in the file, with its image attribute as written ("" when empty, null when absent). */
function emptyStateImages(fileName: string, source: string): { line: number; image: string | null }[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: { line: number; image: string | null }[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) && node.tagName.getText() === "EmptyState") {
      const image = node.attributes.properties.find(
        (attribute): attribute is ts.JsxAttribute =>
          ts.isJsxAttribute(attribute) && attribute.name.getText() === "image",
      );
      const value = image?.initializer;
      found.push({
        line: file.getLineAndCharacterOfPosition(node.getStart()).line + 1,
        image: value === undefined ? null : ts.isStringLiteral(value) ? value.text : value.getText(),
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe("Polaris EmptyState in the admin", () => {
  it("GIVEN an EmptyState written with an empty image THEN the check finds it", () => {
    const source = 'export const A = () => <EmptyState heading="None" image=""><p>x</p></EmptyState>;';
    expect(emptyStateImages("a.tsx", source)).toEqual([{ line: 1, image: "" }]);
  });

  it("GIVEN the app's pages THEN every EmptyState has an image (no placeholder dropped at hydration)", () => {
    const found = tsxFiles("app").flatMap((path) =>
      emptyStateImages(path, readFileSync(path, "utf8")).map((use) => ({ path, ...use })),
    );
    expect(found.length).toBeGreaterThan(0);
    expect(found.filter((use) => !use.image)).toEqual([]);
  });
});
