import {
  Body,
  Controller,
  ForbiddenException,
  Get,
  Module,
  Param,
  ParseUUIDPipe,
  Post,
} from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Type } from 'class-transformer';
import { IsInt, IsObject, IsString, Min, MinLength, ValidateNested } from 'class-validator';
import {
  ConcurrencyConflict,
  NotFound,
  PreconditionFailed,
  RuleViolation,
  StateConflict,
} from '@libs/aggregates';
import { WrongExpectedVersionError } from '@libs/event-store';
import { createApp } from '@libs/http';

// A throwaway API that fails in every way the platform knows, to see how each failure is answered.
class SharesDto {
  @IsInt()
  @Min(1)
  count!: number;

  @IsString()
  nominalValue!: string;
}

class AdmissionDto {
  @IsString()
  @MinLength(2)
  category!: string;

  // @ValidateNested alone lets a missing object through: @IsObject refuses it.
  @IsObject()
  @ValidateNested()
  @Type(() => SharesDto)
  shares!: SharesDto;
}

@Controller()
class FailingController {
  @Post('members')
  admit(@Body() body: AdmissionDto): { category: string; count: number } {
    return { category: body.category, count: body.shares.count };
  }

  @Get('members/:id')
  member(@Param('id', ParseUUIDPipe) id: string): never {
    throw new NotFound(`no member ${id}`);
  }

  @Get('rule')
  rule(): never {
    throw new RuleViolation('share_value_at_least_25_eur', 'a share is worth at least 25 EUR');
  }

  @Get('withdrawn')
  withdrawn(): never {
    throw new StateConflict('the member has withdrawn');
  }

  @Get('stale')
  stale(): never {
    throw new PreconditionFailed('coop/velo-solidaire/member/1', 3, 4);
  }

  @Get('busy')
  busy(): never {
    throw new ConcurrencyConflict('coop/velo-solidaire/member/1', 3);
  }

  @Get('raw-conflict')
  rawConflict(): never {
    throw new WrongExpectedVersionError('coop/velo-solidaire/member/1', 3, 4);
  }

  @Get('forbidden')
  forbidden(): never {
    throw new ForbiddenException('only a coop admin may do this');
  }

  @Get('bug')
  bug(): never {
    throw new Error('connection to 10.0.0.7 refused, password=hunter2');
  }
}

@Module({ controllers: [FailingController] })
class FailingModule {}

describe('problem details', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await createApp(FailingModule, { title: 'test', description: 'test', logger: false });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await app.close();
  });

  async function request(method: 'GET' | 'POST', url: string, payload?: string | object) {
    const response = await app.inject({
      method,
      url,
      payload,
      headers: typeof payload === 'string' ? { 'content-type': 'application/json' } : undefined,
    });
    return {
      status: response.statusCode,
      type: response.headers['content-type'],
      body: response.json(),
    };
  }

  it('lists every invalid field, nested ones by their dotted path, in a 400', async () => {
    const res = await request('POST', '/members', {
      category: 'w',
      shares: { count: 0, nominalValue: 25 },
      extra: true,
    });

    expect(res.status).toBe(400);
    expect(res.type).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, title: 'Invalid input', instance: '/members' });
    expect(res.body.type).toEqual(expect.any(String));
    expect(res.body.detail).toEqual(expect.stringContaining('shares.count'));
    const fields = (res.body.errors as { field: string; message: string }[]).map((e) => e.field);
    expect(new Set(fields)).toEqual(
      new Set(['category', 'shares.count', 'shares.nominalValue', 'extra']),
    );
    for (const error of res.body.errors) expect(error.message).toEqual(expect.any(String));
  });

  it('names a missing nested object', async () => {
    const res = await request('POST', '/members', { category: 'worker' });

    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('shares');
  });

  it('accepts and transforms valid input', async () => {
    const res = await request('POST', '/members', {
      category: 'worker',
      shares: { count: 2, nominalValue: '25.00' },
    });

    expect(res.status).toBe(201);
    expect(res.body).toEqual({ category: 'worker', count: 2 });
  });

  it('answers a body that is not JSON with a 400', async () => {
    const res = await request('POST', '/members', '{"category": "worker",');

    expect(res.status).toBe(400);
    expect(res.type).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, title: 'Bad Request' });
    expect(res.body.detail).toMatch(/JSON/);
  });

  it('answers an unknown route with a 404', async () => {
    const res = await request('GET', '/nowhere');

    expect(res.status).toBe(404);
    expect(res.type).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 404, title: 'Not Found', instance: '/nowhere' });
  });

  it('answers a malformed path parameter with a 400', async () => {
    const res = await request('GET', '/members/not-a-uuid');

    expect(res.status).toBe(400);
    expect(res.body.detail).toMatch(/uuid/);
  });

  it.each([
    ['/members/2b1f7a52-6a37-4f0e-9d07-5d8f3a0d2c11', 404, /no member/],
    ['/withdrawn', 409, /withdrawn/],
    ['/stale', 412, /version 3/],
    ['/busy', 409, /try again/],
    ['/raw-conflict', 409, /try again/],
    ['/forbidden', 403, /coop admin/],
  ])('maps %s to %i', async (url, status, detail) => {
    const res = await request('GET', url);

    expect(res.status).toBe(status);
    expect(res.type).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status, instance: url });
    expect(res.body.detail).toMatch(detail);
  });

  it('names the refusing rule in a 422', async () => {
    const res = await request('GET', '/rule');

    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ status: 422, rule: 'share_value_at_least_25_eur' });
    expect(res.body.detail).toContain('share_value_at_least_25_eur');
  });

  it('answers an unexpected error with a 500 that reveals nothing of it', async () => {
    const res = await request('GET', '/bug');

    expect(res.status).toBe(500);
    expect(res.body).toMatchObject({ status: 500, title: 'Internal Server Error' });
    expect(JSON.stringify(res.body)).not.toMatch(/hunter2|10\.0\.0\.7/);
  });
});
