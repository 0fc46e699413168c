import { z } from 'zod';
import { event, message } from '../common/contracts.js';
import { consultationTimestampSchema as at } from './schemas.js';

/**
 * Self-service repair guides (自助维修): troubleshooting steps per model and fault, written by support in
 * zh-CN and English, read by everyone once published.
 */

export const MAX_GUIDE_TITLE = 120;
/** Markdown; a guide of the longest kind (every step, with photos) stays well below it. */
export const MAX_GUIDE_BODY = 20_000;
export const MAX_GUIDE_MODELS = 20;
export const MAX_GUIDE_SYMPTOMS = 20;
export const MAX_GUIDE_SYMPTOM = 100;
export const MAX_GUIDE_QUERY = 200;
export const MAX_GUIDES_PAGE = 50;

/** The languages a guide is written in, as the web app names them. */
export const guideLanguages = ['zh-CN', 'en'] as const;
export type GuideLanguage = (typeof guideLanguages)[number];

/** The faults a guide may answer, the browsing page's categories. */
export const guideCategories = [
  'hash_board',
  'fan',
  'overheating',
  'power',
  'hashrate',
  'network',
  'firmware',
  'other',
] as const;
export const guideCategorySchema = z.enum(guideCategories, {
  error: `must be one of ${guideCategories.join(', ')}`,
});
export type GuideCategory = z.infer<typeof guideCategorySchema>;

export const guideIdSchema = z.uuid({ error: 'must be a guide id (a UUID)' });

const words = (max: number) =>
  z
    .string({ error: 'is required' })
    .trim()
    .min(1, { error: 'is required' })
    .max(max, { error: `must be at most ${max} characters` });

/** The same text in each language; both are required, so that no reader meets an empty guide. */
const localized = (max: number) => z.strictObject({ 'zh-CN': words(max), en: words(max) });
export type LocalizedText = Record<GuideLanguage, string>;

const modelName = z
  .string({ error: 'must be a model name' })
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(64, { error: 'must be at most 64 characters' });

/** What support writes of a guide; the body is Markdown, its images uploaded as guide images. */
export const guideContentSchema = z
  .strictObject({
    title: localized(MAX_GUIDE_TITLE),
    body: localized(MAX_GUIDE_BODY),
    /** The models it applies to, as the device registry names them (`VolcMiner D1`). */
    models: z
      .array(modelName, { error: 'must be a list of models' })
      .min(1, { error: 'name at least one model' })
      .max(MAX_GUIDE_MODELS, { error: `must name at most ${MAX_GUIDE_MODELS} models` }),
    category: guideCategorySchema,
    /** The symptoms and error codes it answers, as customers see them (`ERROR_FAN_LOST`, 风扇转速为 0). */
    symptoms: z
      .array(words(MAX_GUIDE_SYMPTOM), { error: 'must be a list of symptoms' })
      .max(MAX_GUIDE_SYMPTOMS, { error: `must be at most ${MAX_GUIDE_SYMPTOMS} symptoms` }),
  })
  .meta({ id: 'GuideContent' });
export type GuideContent = z.infer<typeof guideContentSchema>;

/** A new guide, a draft: its id is the client's, so that sending it again creates it once. */
export const createGuideRequestSchema = guideContentSchema
  .extend({ id: guideIdSchema })
  .meta({ id: 'CreateGuideRequest' });
export type CreateGuideRequest = z.infer<typeof createGuideRequestSchema>;

export const guideFeedbackRequestSchema = z
  .strictObject({ helpful: z.boolean({ error: 'must be true or false' }) })
  .meta({ id: 'GuideFeedbackRequest' });
export type GuideFeedbackRequest = z.infer<typeof guideFeedbackRequestSchema>;

/** Search and browse: words or an error code, the model, the fault; the most relevant first. */
export const guideQuerySchema = z.strictObject({
  q: z
    .string()
    .max(MAX_GUIDE_QUERY, { error: `must be at most ${MAX_GUIDE_QUERY} characters` })
    .optional(),
  model: modelName.optional(),
  category: guideCategorySchema.optional(),
  limit: z.coerce
    .number({ error: 'must be a number' })
    .int({ error: 'must be a whole number' })
    .min(1, { error: 'must be at least 1' })
    .max(MAX_GUIDES_PAGE, { error: `must be at most ${MAX_GUIDES_PAGE}` })
    .default(20),
});
export type GuideQuery = z.infer<typeof guideQuerySchema>;

/** How often readers said a guide solved their problem, and how often not. */
export const guideFeedbackCountsSchema = z
  .object({ helpful: z.number().int().nonnegative(), notHelpful: z.number().int().nonnegative() })
  .meta({ id: 'GuideFeedbackCounts' });
export type GuideFeedbackCounts = z.infer<typeof guideFeedbackCountsSchema>;

const localizedOut = z.object({ 'zh-CN': z.string(), en: z.string() });

/** A published guide in a list: no body, its first words instead. */
export const guideSummarySchema = z
  .object({
    id: guideIdSchema,
    title: localizedOut,
    excerpt: localizedOut,
    models: z.array(z.string()),
    category: guideCategorySchema,
    symptoms: z.array(z.string()),
    feedback: guideFeedbackCountsSchema,
    publishedAt: at,
  })
  .meta({ id: 'GuideSummary' });
export type GuideSummary = z.infer<typeof guideSummarySchema>;

export const guideSearchResultSchema = z
  .object({
    guides: z.array(guideSummarySchema),
    /** Every model some published guide applies to, for the browsing filter. */
    models: z.array(z.string()),
  })
  .meta({ id: 'GuideSearchResult' });
export type GuideSearchResult = z.infer<typeof guideSearchResultSchema>;

/** A published guide as readers see it: its last published content. */
export const guideSchema = z
  .object({
    id: guideIdSchema,
    title: localizedOut,
    body: localizedOut,
    models: z.array(z.string()),
    category: guideCategorySchema,
    symptoms: z.array(z.string()),
    feedback: guideFeedbackCountsSchema,
    publishedAt: at,
  })
  .meta({ id: 'Guide' });
export type Guide = z.infer<typeof guideSchema>;

/** `draft`: never published, or withdrawn; `published`: readers see its last published content. */
export const guideStatusSchema = z.enum(['draft', 'published']);
export type GuideStatus = z.infer<typeof guideStatusSchema>;

const staffFields = {
  id: guideIdSchema,
  status: guideStatusSchema,
  /** Its stream's version: a change names it in `If-Match`. */
  version: z.number().int().positive(),
  /** Published, and changed since: readers still see the published content. */
  unpublishedChanges: z.boolean(),
  updatedBy: z.uuid(),
  updatedAt: at,
  publishedAt: at.optional(),
  feedback: guideFeedbackCountsSchema,
};

/** A guide in support's list, drafts included. */
export const staffGuideSummarySchema = z
  .object({
    ...staffFields,
    title: localizedOut,
    models: z.array(z.string()),
    category: guideCategorySchema,
  })
  .meta({ id: 'StaffGuideSummary' });
export type StaffGuideSummary = z.infer<typeof staffGuideSummarySchema>;

/** A guide as support edits it: its current content, which may not be published yet. */
export const editableGuideSchema = z
  .object({ ...staffFields, content: guideContentSchema, createdBy: z.uuid(), createdAt: at })
  .meta({ id: 'EditableGuide' });
export type EditableGuide = z.infer<typeof editableGuideSchema>;

export const guideChangeSchema = z.enum(['created', 'edited', 'published', 'withdrawn']);
export type GuideChange = z.infer<typeof guideChangeSchema>;

/** One change of a guide: who made it, when, and which parts of the content it changed. */
export const guideVersionSummarySchema = z
  .object({
    version: z.number().int().positive(),
    change: guideChangeSchema,
    by: z.uuid(),
    at,
    /** The parts of the content that differ from the version before. */
    fields: z.array(z.enum(['title', 'body', 'models', 'category', 'symptoms'])),
  })
  .meta({ id: 'GuideVersionSummary' });
export type GuideVersionSummary = z.infer<typeof guideVersionSummarySchema>;

/** One version with the content the guide had after it. */
export const guideVersionSchema = guideVersionSummarySchema
  .extend({ content: guideContentSchema })
  .meta({ id: 'GuideVersion' });
export type GuideVersion = z.infer<typeof guideVersionSchema>;

export const guideFeedbackReplySchema = z
  .object({ helpful: z.boolean(), feedback: guideFeedbackCountsSchema })
  .meta({ id: 'GuideFeedbackReply' });
export type GuideFeedbackReply = z.infer<typeof guideFeedbackReplySchema>;

/** The image file types a guide may show: photos and screenshots, never SVG (it can hold script). */
export const guideImageTypes = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;

/** A stored guide image; a guide's Markdown shows it as `![…](url)`. */
export const guideImageSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    contentType: z.string(),
    size: z.number().int().positive(),
    url: z.string(),
  })
  .meta({ id: 'GuideImage' });
export type GuideImage = z.infer<typeof guideImageSchema>;

/** Where a guide image is served, publicly: what a guide's Markdown refers to. */
export const guideImageUrl = (id: string) => `/api/guide-images/${id}`;

const byId = { guideId: guideIdSchema };
/** The agent (or admin) who makes the change. */
const userId = z.uuid();
const content = guideContentSchema;

/** What the consultation service publishes of its guides, `aftersales.consultation.<type>`. */
export const guideEvents = {
  guideCreated: event(
    'consultation',
    'GuideCreated',
    1,
    z.object({ ...byId, content, createdBy: userId, createdAt: at }),
  ),
  guideEdited: event(
    'consultation',
    'GuideEdited',
    1,
    z.object({ ...byId, content, editedBy: userId, editedAt: at }),
  ),
  /** Carries what was published, so that readers of the event need not fold the guide. */
  guidePublished: event(
    'consultation',
    'GuidePublished',
    1,
    z.object({ ...byId, content, publishedBy: userId, publishedAt: at }),
  ),
  guideWithdrawn: event(
    'consultation',
    'GuideWithdrawn',
    1,
    z.object({ ...byId, withdrawnBy: userId, withdrawnAt: at }),
  ),
  /** A customer said whether a guide solved their problem; a later answer replaces theirs. */
  guideFeedbackGiven: event(
    'consultation',
    'GuideFeedbackGiven',
    1,
    z.object({ ...byId, customerId: z.uuid(), helpful: z.boolean(), givenAt: at }),
  ),
};

const expectedVersion = z.number().int().positive();

/** What the consultation service answers of its guides, `aftersales.consultation.<verb>`. */
export const guideMessages = {
  /** Published guides only; with `q`, those that match, the most relevant first. */
  search: message('aftersales.consultation.search-guides', guideQuerySchema, guideSearchResultSchema),
  /** A published guide; a draft answers as missing. */
  get: message('aftersales.consultation.get-guide', z.strictObject(byId), guideSchema),
  /** Every guide, drafts included, the latest change first. */
  listAll: message(
    'aftersales.consultation.list-all-guides',
    z.strictObject({}),
    z.array(staffGuideSummarySchema),
  ),
  getEditable: message(
    'aftersales.consultation.get-editable-guide',
    z.strictObject(byId),
    editableGuideSchema,
  ),
  /** Every change, the latest first. */
  versions: message(
    'aftersales.consultation.guide-versions',
    z.strictObject(byId),
    z.array(guideVersionSummarySchema),
  ),
  version: message(
    'aftersales.consultation.guide-version',
    z.strictObject({ ...byId, version: expectedVersion }),
    guideVersionSchema,
  ),
  /** Creating one again with the same id and content answers it as it is; other content is refused. */
  create: message(
    'aftersales.consultation.create-guide',
    z.strictObject({ ...byId, content, userId }),
    editableGuideSchema,
  ),
  /** `expectedVersion` is the version the caller read (If-Match); a guide changed since is refused. */
  edit: message(
    'aftersales.consultation.edit-guide',
    z.strictObject({ ...byId, content, userId, expectedVersion }),
    editableGuideSchema,
  ),
  /** Publishes the current content; with `expectedVersion`, only if it is still the one the caller read. */
  publish: message(
    'aftersales.consultation.publish-guide',
    z.strictObject({ ...byId, userId, expectedVersion: expectedVersion.optional() }),
    editableGuideSchema,
  ),
  /** Takes a guide off the readers' pages; it stays a draft that can be published again. */
  withdraw: message(
    'aftersales.consultation.withdraw-guide',
    z.strictObject({ ...byId, userId, expectedVersion: expectedVersion.optional() }),
    editableGuideSchema,
  ),
  feedback: message(
    'aftersales.consultation.guide-feedback',
    z.strictObject({ ...byId, customerId: z.uuid(), helpful: z.boolean() }),
    guideFeedbackReplySchema,
  ),
};
