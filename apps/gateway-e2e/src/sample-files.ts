/** A 1 × 1 pixel PNG, as a phone would send a photo. */
export const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8cfc0f01f' +
    '0005000201a2dd1c9b0000000049454e44ae426082',
  'hex',
);

/** The start of a Windows executable: `MZ` and its DOS header. */
export const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(510, 0x90)]);
