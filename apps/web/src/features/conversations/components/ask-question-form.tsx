import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  MESSAGE_MAX,
  postMessageSchema,
  type ConversationView,
  type PostMessageInput,
} from '@partagora/domain';
import { ApiErrorAlert } from '../../../components/ui/api-error-alert';
import { TextAreaField } from '../../../components/ui/field';
import { schemaResolver } from '../../../lib/schema-resolver';
import { useAskQuestion } from '../api/conversations.api';

interface QuestionValues {
  body: string;
}

const resolver = schemaResolver<QuestionValues, typeof postMessageSchema>(
  postMessageSchema,
  (values) => ({ body: values.body }),
  ['body'],
);

export interface AskQuestionFormProps {
  listingId: string;
  onAsked: (conversation: ConversationView) => void;
}

/** "Poser une question": opens a conversation with the owner, before (or without) any request. */
export function AskQuestionForm({ listingId, onAsked }: AskQuestionFormProps) {
  const { t } = useTranslation();
  const ask = useAskQuestion(listingId);
  const [formError, setFormError] = useState<unknown>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<QuestionValues, unknown, PostMessageInput>({
    resolver,
    defaultValues: { body: '' },
  });
  const onSubmit = async (input: PostMessageInput) => {
    setFormError(null);
    try {
      onAsked(await ask.mutateAsync(input.body));
    } catch (error) {
      setFormError(error);
    }
  };
  return (
    <form
      className="form"
      noValidate
      aria-label={t('question.title')}
      onSubmit={(e) => void handleSubmit(onSubmit)(e)}
    >
      <TextAreaField
        label={t('question.label')}
        hint={t('question.hint')}
        registration={register('body')}
        maxLength={MESSAGE_MAX}
        error={errors.body?.message}
        rows={3}
        required
      />
      {formError ? <ApiErrorAlert error={formError} /> : null}
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          {isSubmitting ? t('exchangeRequest.sending') : t('question.submit')}
        </button>
      </div>
    </form>
  );
}
