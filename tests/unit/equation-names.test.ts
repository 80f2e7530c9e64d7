// An equation's name is its label's words, spelled as its note spells them.
import { describe, expect, it } from "vitest";
import { equationName, spellingsIn } from "../../src/lib/equation-names.ts";

// A note's prose, as indexPaper reads it (body-text's proseOf): a line per paragraph or heading.
const note = `Stage B: the decoder
Stage B decodes the latent. The DDPM update below is sampled after Stage C and Stage A, and A and B
come from the network. VQGAN compresses; vqgan-style codes. Noise is added. The p2 loss weights it.
A Bradley–Terry model; Bradley and Terry.`;

describe("equation names", () => {
  const spellings = spellingsIn(note, ["stage", "b", "ddpm", "update", "vqgan", "noise", "objective", "p2", "loss", "bradley", "terry"]);

  it("reads the label's words", () => {
    expect(equationName("eq:noise-objective")).toBe("noise objective");
    expect(equationName("eq:p2_loss.v2")).toBe("p2 loss v2");
  });

  it("writes acronyms and letters as the note writes them most often", () => {
    expect(equationName("eq:ddpm-update", spellings)).toBe("DDPM update");
    // "after Stage C and Stage A": a name twice, a sentence's first word twice; a tie goes to the name.
    expect(equationName("eq:stage-b", spellings)).toBe("Stage B");
    expect(equationName("eq:vqgan", spellings)).toBe("VQGAN");
    // Joined as the note joins them: "A Bradley–Terry model".
    expect(equationName("eq:bradley-terry", spellings)).toBe("Bradley–Terry");
    expect(equationName("eq:key-masked-attention", spellingsIn("The key-masked attention of DesignEdit.", ["key", "masked", "attention"]))).toBe("key-masked attention");
  });

  it("keeps a word that is only capitalized as a sentence's first in lower case", () => {
    expect(equationName("eq:noise-objective", spellings)).toBe("noise objective");
    expect(spellingsIn("Loss goes down. The loss.\nLoss", ["loss"]).word("loss")).toBe("loss");
    expect(equationName("eq:p2-loss", spellings)).toBe("p2 loss");
  });

  it("keeps a word the note never writes as the label has it", () => {
    expect(equationName("eq:kl-term", spellings)).toBe("kl term");
    expect(equationName("eq:图层融合", spellingsIn("按图层融合。", ["图层融合"]))).toBe("图层融合");
  });
});
