/**
 * Name lists for the sample workbook: secondary units (二级党组织) of a comprehensive university,
 * 机关 offices, and the pieces of plausible Chinese personal names. Data only.
 */

/** What kind of branches a unit holds; decides 支部类型 and how branches are named. */
export type UnitKind = 'college' | 'office' | 'retired' | 'service';

export interface UnitSpec {
  readonly name: string;
  readonly kind: UnitKind;
  /** Relative size: how many branches it has compared with an average college. */
  readonly weight: number;
  /** Colleges without undergraduates (马克思主义学院 …) have only 教工 and 研究生 branches. */
  readonly noUndergraduates?: boolean;
}

/**
 * 29 units by default (the sample's default `units`), then a few more for larger requests. The
 * order puts 机关党委 and 离退休工作处党委 inside the first 29 so the default sample has every 支部类型.
 */
export const UNITS: readonly UnitSpec[] = [
  { name: '计算机学院党委', kind: 'college', weight: 1.5 },
  { name: '机械工程学院党委', kind: 'college', weight: 1.4 },
  { name: '电气工程学院党委', kind: 'college', weight: 1.3 },
  { name: '土木工程学院党委', kind: 'college', weight: 1.2 },
  { name: '材料科学与工程学院党委', kind: 'college', weight: 1.1 },
  { name: '信息与通信工程学院党委', kind: 'college', weight: 1.2 },
  { name: '自动化学院党委', kind: 'college', weight: 1.0 },
  { name: '化学化工学院党委', kind: 'college', weight: 1.1 },
  { name: '物理学院党委', kind: 'college', weight: 0.9 },
  { name: '数学与统计学院党委', kind: 'college', weight: 0.9 },
  { name: '生命科学学院党委', kind: 'college', weight: 0.9 },
  { name: '环境科学与工程学院党委', kind: 'college', weight: 0.8 },
  { name: '建筑与城市规划学院党委', kind: 'college', weight: 0.8 },
  { name: '经济学院党委', kind: 'college', weight: 1.0 },
  { name: '管理学院党委', kind: 'college', weight: 1.2 },
  { name: '法学院党委', kind: 'college', weight: 0.8 },
  { name: '文学院党委', kind: 'college', weight: 0.9 },
  { name: '外国语学院党委', kind: 'college', weight: 0.9 },
  { name: '新闻传播学院党委', kind: 'college', weight: 0.7 },
  { name: '马克思主义学院党委', kind: 'college', weight: 0.6, noUndergraduates: true },
  { name: '公共管理学院党委', kind: 'college', weight: 0.8 },
  { name: '教育学院党委', kind: 'college', weight: 0.7 },
  { name: '医学院党委', kind: 'college', weight: 1.3 },
  { name: '药学院党委', kind: 'college', weight: 0.7 },
  { name: '艺术学院党委', kind: 'college', weight: 0.7 },
  { name: '体育学院党委', kind: 'college', weight: 0.5 },
  { name: '机关党委', kind: 'office', weight: 1.3 },
  { name: '后勤保障处党委', kind: 'service', weight: 0.6 },
  { name: '离退休工作处党委', kind: 'retired', weight: 0.9 },
  { name: '图书馆党总支', kind: 'service', weight: 0.3 },
  { name: '国际教育学院党委', kind: 'college', weight: 0.5 },
  { name: '继续教育学院党总支', kind: 'college', weight: 0.4, noUndergraduates: true },
  { name: '附属中学党委', kind: 'service', weight: 0.5 },
];

/** 机关党委's branches are named after offices (one office per branch, then numbered ones). */
export const OFFICES: readonly string[] = [
  '党委办公室（校长办公室）',
  '党委组织部（党校）',
  '党委宣传部',
  '纪委办公室（监察专员办公室）',
  '党委学生工作部（学生处）',
  '党委教师工作部（人事处）',
  '教务处',
  '研究生院',
  '科学技术研究院',
  '财务处',
  '国有资产管理处',
  '国际合作与交流处',
  '发展规划处',
  '审计处',
  '保卫处',
  '工会',
];

/** Common surnames, roughly by frequency. */
export const SURNAMES: readonly string[] = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高',
  '林', '罗', '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁',
  '潘', '于', '蒋', '蔡', '余', '杜', '叶', '程', '苏', '魏', '吕', '丁', '任', '沈', '姚', '卢', '姜', '崔',
  '钟', '谭', '陆', '汪', '范', '金', '石', '廖', '贾', '夏', '韦', '方', '白', '邹', '孟', '熊', '秦', '邱',
];

/** Characters used in given names. */
export const GIVEN_CHARS: readonly string[] = [
  '伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀',
  '霞', '平', '刚', '桂', '英', '华', '建', '国', '文', '辉', '玲', '红', '燕', '晓', '宇', '鹏', '飞', '斌',
  '鑫', '波', '宁', '欣', '雪', '琳', '婷', '倩', '颖', '浩', '峰', '亮', '海', '林', '东', '志', '春', '晨',
  '佳', '思', '子', '梦', '嘉', '博', '睿', '泽', '航', '昊', '蕾', '萍', '慧', '瑞', '凯', '毅', '凡', '琦',
];

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Chinese numeral for 1–9999 as used in branch names: 1 → 一, 10 → 十, 12 → 十二, 105 → 一百零五. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 9999) return String(n);
  const units = ['', '十', '百', '千'];
  const digits = String(n).split('').map(Number);
  let out = '';
  let pendingZero = false;
  digits.forEach((d, i) => {
    const place = digits.length - 1 - i;
    if (d === 0) {
      pendingZero = out !== '';
      return;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    // 十二, not 一十二, when ten is the leading place.
    const digit = d === 1 && place === 1 && out === '' ? '' : (DIGITS[d] ?? '');
    out += digit + (units[place] ?? '');
  });
  return out;
}
