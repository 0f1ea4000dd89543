import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { createLesson, type LessonCategory, type LessonKind, qualityKeys } from '../../api/quality.ts';
import { Alert } from '../../design/Alert.tsx';
import { Button } from '../../design/Button.tsx';
import { Dialog } from '../../design/Dialog.tsx';
import { Field } from '../../design/Field.tsx';
import { Input } from '../../design/Input.tsx';
import { Select } from '../../design/Select.tsx';
import { Textarea } from '../../design/Textarea.tsx';
import { useToast } from '../../design/Toast.tsx';
import { fieldErrorsOf, problemText } from '../raid/raid-problems.ts';
import { useProjectChoices } from '../raid/raid-queries.ts';
import {
  LESSON_CATEGORY_LIST,
  LESSON_KIND_LABELS,
  LESSON_KIND_LIST,
  parseTags,
  toOptions,
} from './quality-model.ts';

type Errors = Record<string, string>;

/** Record a lesson learned on a project, or for the whole organisation. */
export function LessonDialog({
  projectId: fixedProjectId,
  onClose,
}: {
  projectId?: string;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const projects = useProjectChoices();
  const [projectId, setProjectId] = useState(fixedProjectId ?? '');
  const [title, setTitle] = useState('');
  const [category, setCategory] = useState<LessonCategory | ''>('');
  const [kind, setKind] = useState<LessonKind>('improve');
  const [whatHappened, setWhatHappened] = useState('');
  const [recommendation, setRecommendation] = useState('');
  const [tags, setTags] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const save = useMutation({
    mutationFn: () =>
      createLesson({
        projectId: projectId || null,
        title: title.trim(),
        category: category as LessonCategory,
        kind,
        whatHappened: whatHappened.trim(),
        recommendation: recommendation.trim() || null,
        tags: parseTags(tags),
      }),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: qualityKeys.lessons });
      showToast({ tone: 'success', title: `Lesson recorded: ${saved.code}`, text: saved.title });
      onClose();
    },
    onError: (error) => setErrors({ ...fieldErrorsOf(error), form: problemText(error) }),
  });
  const submit = () => {
    const found: Errors = {};
    if (!title.trim()) found.title = 'Give the lesson a title.';
    if (!category) found.category = 'Choose a category.';
    if (!whatHappened.trim()) found.whatHappened = 'Say what happened.';
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate();
  };
  return (
    <Dialog
      open
      wide
      onClose={onClose}
      title="Add a lesson learned"
      description="What happened, and what the next project should keep doing or do differently."
      onSubmit={submit}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" loading={save.isPending}>
            Add lesson
          </Button>
        </>
      }
    >
      <div className="stack">
        {errors.form && (
          <Alert tone="error" title="Not saved">
            {errors.form}
          </Alert>
        )}
        <Field label="Title" required error={errors.title}>
          <Input value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
        </Field>
        <div className="grid-2">
          <Field label="Project" error={errors.projectId} hint="None: a lesson for the whole organisation.">
            <Select
              value={projectId}
              disabled={Boolean(fixedProjectId)}
              placeholder="Organisation-wide"
              options={(projects.data ?? []).map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }))}
              onChange={(e) => setProjectId(e.target.value)}
            />
          </Field>
          <Field label="Category" required error={errors.category}>
            <Select
              value={category}
              placeholder="Choose a category"
              options={toOptions(LESSON_CATEGORY_LIST)}
              onChange={(e) => setCategory(e.target.value as LessonCategory | '')}
            />
          </Field>
          <Field label="Kind" required>
            <Select
              value={kind}
              options={toOptions(LESSON_KIND_LIST, LESSON_KIND_LABELS)}
              onChange={(e) => setKind(e.target.value as LessonKind)}
            />
          </Field>
          <Field label="Tags" hint="Separated by commas.">
            <Input value={tags} onChange={(e) => setTags(e.target.value)} />
          </Field>
        </div>
        <Field label="What happened" required error={errors.whatHappened}>
          <Textarea rows={3} value={whatHappened} onChange={(e) => setWhatHappened(e.target.value)} />
        </Field>
        <Field label="Recommendation" error={errors.recommendation}>
          <Textarea rows={2} value={recommendation} onChange={(e) => setRecommendation(e.target.value)} />
        </Field>
      </div>
    </Dialog>
  );
}
