"""The project schema: documents, codebook, codings, memos, monitoring log and events.

Revision ID: 0001
Revises: 
Create Date: 2026-11-29 05:34:20.390680
"""

import sqlalchemy as sa
from alembic import op


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('actors',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('organisation_type', sa.String(length=200), nullable=False),
    sa.Column('role', sa.String(length=300), nullable=False),
    sa.Column('pseudonym', sa.String(length=300), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("kind IN ('person', 'organisation')", name=op.f('ck_actors_kind')),
    sa.ForeignKeyConstraint(['organisation_id'], ['actors.id'], name=op.f('fk_actors_organisation_id_actors'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_actors')),
    sa.UniqueConstraint('name', name=op.f('uq_actors_name'))
    )
    op.create_table('attributes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('guid', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('type', sa.String(length=10), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.CheckConstraint("type IN ('text', 'number', 'date', 'boolean')", name=op.f('ck_attributes_type')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attributes')),
    sa.UniqueConstraint('guid', name=op.f('uq_attributes_guid')),
    sa.UniqueConstraint('name', name=op.f('uq_attributes_name'))
    )
    op.create_table('cases',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('guid', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cases')),
    sa.UniqueConstraint('guid', name=op.f('uq_cases_guid')),
    sa.UniqueConstraint('name', name=op.f('uq_cases_name'))
    )
    op.create_table('coders',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('guid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_coders')),
    sa.UniqueConstraint('guid', name=op.f('uq_coders_guid')),
    sa.UniqueConstraint('name', name=op.f('uq_coders_name'))
    )
    op.create_table('codes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('guid', sa.String(length=36), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('name_en', sa.String(length=300), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('when_to_use', sa.Text(), nullable=False),
    sa.Column('when_not_to_use', sa.Text(), nullable=False),
    sa.Column('example', sa.Text(), nullable=False),
    sa.Column('colour', sa.String(length=7), nullable=False),
    sa.Column('shortcut', sa.Integer(), nullable=True),
    sa.Column('codable', sa.Boolean(), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.Column('retired', sa.Boolean(), nullable=False),
    sa.Column('rules', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('length(colour) = 7', name=op.f('ck_codes_colour')),
    sa.CheckConstraint('shortcut IS NULL OR (shortcut >= 1 AND shortcut <= 9)', name=op.f('ck_codes_shortcut')),
    sa.ForeignKeyConstraint(['parent_id'], ['codes.id'], name=op.f('fk_codes_parent_id_codes'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_codes')),
    sa.UniqueConstraint('guid', name=op.f('uq_codes_guid')),
    sa.UniqueConstraint('parent_id', 'name', name='uq_codes_parent_name')
    )
    with op.batch_alter_table('codes', schema=None) as batch_op:
        batch_op.create_index('uq_codes_root_name', ['name'], unique=True, sqlite_where=sa.text('parent_id IS NULL'), postgresql_where=sa.text('parent_id IS NULL'))

    op.create_table('phases',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('start', sa.Date(), nullable=False),
    sa.Column('end', sa.Date(), nullable=True),
    sa.Column('track', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.CheckConstraint('"end" IS NULL OR "end" >= "start"', name=op.f('ck_phases_period')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_phases'))
    )
    op.create_table('project_settings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('default_language', sa.String(length=8), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('settings', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_project_settings'))
    )
    op.create_table('documents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('guid', sa.String(length=36), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('original_filename', sa.String(length=1000), nullable=True),
    sa.Column('format', sa.String(length=40), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('text_sha256', sa.String(length=64), nullable=False),
    sa.Column('imported_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('imported_by', sa.Integer(), nullable=True),
    sa.Column('word_count', sa.Integer(), nullable=False),
    sa.Column('metadata', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['imported_by'], ['coders.id'], name=op.f('fk_documents_imported_by_coders'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_documents')),
    sa.UniqueConstraint('guid', name=op.f('uq_documents_guid')),
    sa.UniqueConstraint('text_sha256', name=op.f('uq_documents_text_sha256'))
    )
    op.create_table('events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('coder_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=60), nullable=False),
    sa.Column('target', sa.String(length=200), nullable=False),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.Column('reverts_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['coder_id'], ['coders.id'], name=op.f('fk_events_coder_id_coders'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['reverts_id'], ['events.id'], name=op.f('fk_events_reverts_id_events'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_events'))
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index('ix_events_coder_id_id', ['coder_id', 'id'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_reverts_id'), ['reverts_id'], unique=False)

    op.create_table('log_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('guid', sa.String(length=36), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('time', sa.Time(), nullable=True),
    sa.Column('type', sa.String(length=20), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('location', sa.String(length=300), nullable=False),
    sa.Column('observation', sa.Text(), nullable=False),
    sa.Column('interpretation', sa.Text(), nullable=False),
    sa.Column('reflection', sa.Text(), nullable=False),
    sa.Column('significance', sa.String(length=20), nullable=False),
    sa.Column('significance_why', sa.Text(), nullable=False),
    sa.Column('confidentiality', sa.String(length=10), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("confidentiality IN ('normal', 'internal')", name=op.f('ck_log_entries_confidentiality')),
    sa.CheckConstraint("significance IN ('none', 'high_point', 'low_point', 'learning_moment', 'turning_point')", name=op.f('ck_log_entries_significance')),
    sa.CheckConstraint("type IN ('interview', 'meeting', 'work_visit', 'workshop', 'training', 'phone_email', 'observation', 'decision', 'milestone', 'other')", name=op.f('ck_log_entries_type')),
    sa.CheckConstraint('end_date IS NULL OR end_date >= "date"', name=op.f('ck_log_entries_period')),
    sa.ForeignKeyConstraint(['author_id'], ['coders.id'], name=op.f('fk_log_entries_author_id_coders'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_log_entries')),
    sa.UniqueConstraint('guid', name=op.f('uq_log_entries_guid'))
    )
    with op.batch_alter_table('log_entries', schema=None) as batch_op:
        batch_op.create_index('ix_log_entries_date', ['date'], unique=False)

    op.create_table('attribute_values',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('attribute_id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=True),
    sa.Column('case_id', sa.Integer(), nullable=True),
    sa.Column('value_text', sa.Text(), nullable=True),
    sa.Column('value_number', sa.Float(), nullable=True),
    sa.Column('value_date', sa.Date(), nullable=True),
    sa.Column('value_bool', sa.Boolean(), nullable=True),
    sa.CheckConstraint('(document_id IS NULL) <> (case_id IS NULL)', name=op.f('ck_attribute_values_one_owner')),
    sa.ForeignKeyConstraint(['attribute_id'], ['attributes.id'], name=op.f('fk_attribute_values_attribute_id_attributes'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_attribute_values_case_id_cases'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_attribute_values_document_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attribute_values')),
    sa.UniqueConstraint('attribute_id', 'case_id', name='uq_attribute_values_case'),
    sa.UniqueConstraint('attribute_id', 'document_id', name='uq_attribute_values_document')
    )
    op.create_table('case_documents',
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_case_documents_case_id_cases'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_case_documents_document_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('case_id', 'document_id', name=op.f('pk_case_documents'))
    )
    op.create_table('codings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('guid', sa.String(length=36), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('code_id', sa.Integer(), nullable=False),
    sa.Column('coder_id', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('origin', sa.String(length=100), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('fingerprint', sa.String(length=200), nullable=False),
    sa.CheckConstraint("status IN ('applied', 'suggested', 'rejected')", name=op.f('ck_codings_status')),
    sa.CheckConstraint('"start" >= 0 AND "start" < "end"', name=op.f('ck_codings_span')),
    sa.ForeignKeyConstraint(['code_id'], ['codes.id'], name=op.f('fk_codings_code_id_codes'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['coder_id'], ['coders.id'], name=op.f('fk_codings_coder_id_coders'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_codings_document_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_codings')),
    sa.UniqueConstraint('document_id', 'code_id', 'coder_id', 'start', 'end', name='uq_codings_span'),
    sa.UniqueConstraint('guid', name=op.f('uq_codings_guid'))
    )
    with op.batch_alter_table('codings', schema=None) as batch_op:
        batch_op.create_index('ix_codings_code', ['code_id'], unique=False)
        batch_op.create_index('ix_codings_document_start', ['document_id', 'start'], unique=False)

    op.create_table('follow_up_actions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('action', sa.Text(), nullable=False),
    sa.Column('owner', sa.String(length=300), nullable=False),
    sa.Column('due', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('entry_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("status IN ('open', 'in_progress', 'done', 'cancelled')", name=op.f('ck_follow_up_actions_status')),
    sa.ForeignKeyConstraint(['entry_id'], ['log_entries.id'], name=op.f('fk_follow_up_actions_entry_id_log_entries'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_follow_up_actions'))
    )
    op.create_table('learning_questions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('raised_by', sa.String(length=300), nullable=False),
    sa.Column('raised_on', sa.Date(), nullable=False),
    sa.Column('raised_entry_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['raised_entry_id'], ['log_entries.id'], name=op.f('fk_learning_questions_raised_entry_id_log_entries'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_learning_questions'))
    )
    op.create_table('log_entry_actors',
    sa.Column('entry_id', sa.Integer(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['actors.id'], name=op.f('fk_log_entry_actors_actor_id_actors'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['entry_id'], ['log_entries.id'], name=op.f('fk_log_entry_actors_entry_id_log_entries'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('entry_id', 'actor_id', name=op.f('pk_log_entry_actors'))
    )
    op.create_table('sentences',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.CheckConstraint('"start" >= 0 AND "start" < "end"', name=op.f('ck_sentences_span')),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_sentences_document_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sentences'))
    )
    with op.batch_alter_table('sentences', schema=None) as batch_op:
        batch_op.create_index('ix_sentences_document_start', ['document_id', 'start'], unique=False)

    op.create_table('turns',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('speaker', sa.String(length=200), nullable=True),
    sa.Column('t_start', sa.Float(), nullable=True),
    sa.Column('t_end', sa.Float(), nullable=True),
    sa.CheckConstraint('"start" >= 0 AND "start" < "end"', name=op.f('ck_turns_span')),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_turns_document_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_turns'))
    )
    with op.batch_alter_table('turns', schema=None) as batch_op:
        batch_op.create_index('ix_turns_document_start', ['document_id', 'start'], unique=False)

    op.create_table('learning_question_statuses',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('entry_id', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.CheckConstraint("status IN ('open', 'provisional', 'answered', 'dropped')", name=op.f('ck_learning_question_statuses_status')),
    sa.ForeignKeyConstraint(['entry_id'], ['log_entries.id'], name=op.f('fk_learning_question_statuses_entry_id_log_entries'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['question_id'], ['learning_questions.id'], name=op.f('fk_learning_question_statuses_question_id_learning_questions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_learning_question_statuses'))
    )
    with op.batch_alter_table('learning_question_statuses', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_learning_question_statuses_question_id'), ['question_id'], unique=False)

    op.create_table('log_entry_links',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('entry_id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=True),
    sa.Column('coding_id', sa.Integer(), nullable=True),
    sa.Column('code_id', sa.Integer(), nullable=True),
    sa.CheckConstraint('(CASE WHEN document_id IS NULL THEN 0 ELSE 1 END + CASE WHEN coding_id IS NULL THEN 0 ELSE 1 END + CASE WHEN code_id IS NULL THEN 0 ELSE 1 END) = 1', name=op.f('ck_log_entry_links_one_target')),
    sa.ForeignKeyConstraint(['code_id'], ['codes.id'], name=op.f('fk_log_entry_links_code_id_codes'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['coding_id'], ['codings.id'], name=op.f('fk_log_entry_links_coding_id_codings'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_log_entry_links_document_id_documents'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['entry_id'], ['log_entries.id'], name=op.f('fk_log_entry_links_entry_id_log_entries'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_log_entry_links'))
    )
    with op.batch_alter_table('log_entry_links', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_log_entry_links_entry_id'), ['entry_id'], unique=False)

    op.create_table('memos',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('guid', sa.String(length=36), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('document_id', sa.Integer(), nullable=True),
    sa.Column('code_id', sa.Integer(), nullable=True),
    sa.Column('coding_id', sa.Integer(), nullable=True),
    sa.Column('log_entry_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('(CASE WHEN document_id IS NULL THEN 0 ELSE 1 END + CASE WHEN code_id IS NULL THEN 0 ELSE 1 END + CASE WHEN coding_id IS NULL THEN 0 ELSE 1 END + CASE WHEN log_entry_id IS NULL THEN 0 ELSE 1 END) <= 1', name=op.f('ck_memos_one_target')),
    sa.ForeignKeyConstraint(['author_id'], ['coders.id'], name=op.f('fk_memos_author_id_coders'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['code_id'], ['codes.id'], name=op.f('fk_memos_code_id_codes'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['coding_id'], ['codings.id'], name=op.f('fk_memos_coding_id_codings'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_memos_document_id_documents'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['log_entry_id'], ['log_entries.id'], name=op.f('fk_memos_log_entry_id_log_entries'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_memos')),
    sa.UniqueConstraint('guid', name=op.f('uq_memos_guid'))
    )
    with op.batch_alter_table('memos', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_memos_code_id'), ['code_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_memos_coding_id'), ['coding_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_memos_document_id'), ['document_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_memos_log_entry_id'), ['log_entry_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('memos', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_memos_log_entry_id'))
        batch_op.drop_index(batch_op.f('ix_memos_document_id'))
        batch_op.drop_index(batch_op.f('ix_memos_coding_id'))
        batch_op.drop_index(batch_op.f('ix_memos_code_id'))

    op.drop_table('memos')
    with op.batch_alter_table('log_entry_links', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_log_entry_links_entry_id'))

    op.drop_table('log_entry_links')
    with op.batch_alter_table('learning_question_statuses', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_learning_question_statuses_question_id'))

    op.drop_table('learning_question_statuses')
    with op.batch_alter_table('turns', schema=None) as batch_op:
        batch_op.drop_index('ix_turns_document_start')

    op.drop_table('turns')
    with op.batch_alter_table('sentences', schema=None) as batch_op:
        batch_op.drop_index('ix_sentences_document_start')

    op.drop_table('sentences')
    op.drop_table('log_entry_actors')
    op.drop_table('learning_questions')
    op.drop_table('follow_up_actions')
    with op.batch_alter_table('codings', schema=None) as batch_op:
        batch_op.drop_index('ix_codings_document_start')
        batch_op.drop_index('ix_codings_code')

    op.drop_table('codings')
    op.drop_table('case_documents')
    op.drop_table('attribute_values')
    with op.batch_alter_table('log_entries', schema=None) as batch_op:
        batch_op.drop_index('ix_log_entries_date')

    op.drop_table('log_entries')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_events_reverts_id'))
        batch_op.drop_index('ix_events_coder_id_id')

    op.drop_table('events')
    op.drop_table('documents')
    op.drop_table('project_settings')
    op.drop_table('phases')
    with op.batch_alter_table('codes', schema=None) as batch_op:
        batch_op.drop_index('uq_codes_root_name', sqlite_where=sa.text('parent_id IS NULL'), postgresql_where=sa.text('parent_id IS NULL'))

    op.drop_table('codes')
    op.drop_table('coders')
    op.drop_table('cases')
    op.drop_table('attributes')
    op.drop_table('actors')
