/**
 * Everyday words for suggested passwords: three random words are long, and easy to remember and
 * to type on a shared laptop. 256 words, so three give 24 bits from the list plus their length.
 */
export const PASSWORD_WORDS = (
  'acorn apple anchor badger basket beacon blossom bramble breeze bridge bucket button cabbage candle canal carrot ' +
  'castle cedar chalk cherry chimney cider cliff clover cobble comet copper cotton crayon cricket crystal cuckoo ' +
  'daisy dragon drum eagle ember engine falcon feather fern fiddle flannel forest fossil fountain fox garden ' +
  'ginger glacier globe goose granite grape gravel harbour harvest hazel hedge heron hollow honey island ivy ' +
  'jacket jasmine jelly jigsaw kettle kite ladder lantern lemon lilac linen lobster locket lupin magnet maple ' +
  'marble meadow mellow mitten moss mountain muffin nectar nettle noodle nutmeg oak oatmeal ocean orchard otter ' +
  'owl paddle pebble pepper piano pickle pillow pine planet plum pocket pond poppy puddle puffin quarry quill ' +
  'rabbit radish rainbow raven ribbon river robin rocket rose saddle sailor salmon satchel saucer scarf shell ' +
  'shovel silver sketch slipper snail sparrow spindle spoon spring squirrel stable star stream sunset swallow ' +
  'teapot thimble thistle thunder timber toffee tomato trumpet tulip tunnel turnip umbrella valley velvet violet ' +
  'wagon walnut walrus warbler water wheat whistle willow window winter wizard wool yarn yoghurt zebra zephyr ' +
  'almond amber arrow autumn bakery banjo barley beetle biscuit blanket bluebell bonnet bottle bracken bubble ' +
  'buttercup cactus camel canoe caramel cinnamon cloud coconut compass cookie cornflake cowslip crumpet cupboard ' +
  'dolphin doorway dumpling elbow elephant emerald fiddler fireside flamingo footpath frost galaxy gazebo ' +
  'giraffe gondola gooseberry hammock hedgehog hilltop horizon iceberg igloo jam juniper kingfisher lagoon ' +
  'lighthouse limpet marmalade meteor minnow monsoon nightingale noodle orange pancake panda parsnip peacock'
).split(' ');

/** Three random words joined by spaces, using the platform's cryptographic random source. */
export function suggestPassword(random: (max: number) => number = cryptoRandom): string {
  return [0, 1, 2].map(() => PASSWORD_WORDS[random(PASSWORD_WORDS.length)]).join(' ');
}

function cryptoRandom(max: number): number {
  const buf = new Uint32Array(1);
  globalThis.crypto.getRandomValues(buf);
  return buf[0] % max;
}
